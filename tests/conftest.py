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
    """The seed article after a day's work: one claim published, one with a draft, notes on both.

    Returns a namespace with the article, the published claim ("وتنفي موسكو
    وجود خطط لغزو أوكرانيا"), the drafted claim, their verdicts, source and notes.
    """
    from types import SimpleNamespace

    from claims.models import ClaimSource, Note, Rating, Source, Verdict

    claims = list(seed_article.claims.order_by("start"))
    denial = next(c for c in claims if "وجود خطط لغزو أوكرانيا" in c.content)
    drafted = next(c for c in claims if c.pk != denial.pk)

    def rating(scale, slug):
        return Rating.objects.get(scale=scale, slug=slug)

    attribution = Verdict.objects.create(
        claim=denial,
        rating=rating("attribution", "accurate-quote"),
        author=factchecker,
        explanation="The Kremlin's statement of the day says so.",
    )
    content = Verdict.objects.create(
        claim=denial,
        rating=rating("content", "misleading"),
        author=factchecker,
        explanation="الحشود العسكرية على الحدود موثقة بصور الأقمار الصناعية.",
    )
    source = Source.objects.create(
        title="بيان الكرملين",
        url="https://example.org/kremlin-statement",
        publisher="الكرملين",
        kind="official",
        created_by=factchecker,
    )
    ClaimSource.objects.create(
        claim=denial, source=source, stance="refutes", excerpt="نص البيان", added_by=factchecker
    )
    denial_note = Note.objects.create(
        claim=denial, author=factchecker, body="INTERNAL: call the ministry back"
    )
    denial.refresh_from_db()
    denial.publish(by=editor)

    draft = Verdict.objects.create(
        claim=drafted,
        rating=rating("content", "mostly-true"),
        author=factchecker,
        explanation="DRAFT: still checking the figures",
    )
    drafted.assignee = factchecker
    drafted.status = "in_review"
    drafted.save()
    drafted_note = Note.objects.create(claim=drafted, author=editor, body="INTERNAL: ask the desk")
    attribution.refresh_from_db()
    content.refresh_from_db()
    return SimpleNamespace(
        article=seed_article,
        denial=denial,
        drafted=drafted,
        attribution=attribution,
        content=content,
        draft=draft,
        source=source,
        notes=[denial_note, drafted_note],
    )
