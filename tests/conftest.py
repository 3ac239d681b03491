"""The shared cast: one user per newsroom role, plus the seed article."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

SEED_PATH = Path(settings.BASE_DIR) / "seeds" / "000_6b4dfa315d9bbecf.txt"


def _member(username, group):
    user = User.objects.create_user(
        username, f"{username}@example.org", "correct horse battery", is_staff=True
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def viewer(db):
    return _member("vera", "Viewer")


@pytest.fixture
def factchecker(db):
    return _member("fatima", "Fact-checker")


@pytest.fixture
def editor(db):
    return _member("edward", "Editor")


@pytest.fixture
def outsider(db):
    """Logged in, but in no newsroom group."""
    return User.objects.create_user("olga", "olga@example.org", "correct horse battery")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.org", "correct horse battery")


@pytest.fixture
def seed_text():
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture
def seed_article(db):
    from django.core.management import call_command

    from claims.models import Article

    call_command("load_seeds", verbosity=0, stdout=io.StringIO())
    return Article.objects.get(publisher="TRT عربي")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def api():
    """api(user) -> a DRF test client signed in with the user's token (api() is anonymous)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def client(user=None):
        api_client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return api_client

    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The cast's passwords are hashed once per test; the production hasher takes ~0.3 s."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reviewed_seed(seed_article, factchecker, editor):
    """The seed article after a day's work (tests/reports_support.py): the claim
    "وجود خطط لغزو أوكرانيا" published, another with a draft verdict, notes on both."""
    from tests.reports_support import work_on_seed

    return work_on_seed(seed_article, editor, factchecker)
