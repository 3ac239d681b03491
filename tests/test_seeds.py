import io
from datetime import date

import pytest
from django.core.management import call_command

from claims.models import Article, Claim

pytestmark = pytest.mark.django_db


def test_it_loads_the_seed_article_with_its_metadata(seed_text):
    call_command("load_seeds", stdout=io.StringIO())
    article = Article.objects.get()
    assert article.text == seed_text
    assert article.publisher == "TRT عربي"
    assert article.language == "ar"
    assert article.published_at == date(2021, 12, 3)
    assert article.title.startswith("الكرملين")


def test_loading_the_seeds_twice_changes_nothing():
    call_command("load_seeds", stdout=io.StringIO())
    before = list(Article.objects.values()), list(Claim.objects.values())
    out = io.StringIO()
    call_command("load_seeds", stdout=out)
    assert "0 new seed article(s), 1 already present" in out.getvalue()
    assert (list(Article.objects.values()), list(Claim.objects.values())) == before


def test_the_local_admin_is_created_once():
    from django.contrib.auth.models import User

    out = io.StringIO()
    call_command("create_local_admin", stdout=out)
    assert "Log in at /admin/ as admin / " in out.getvalue()
    password = out.getvalue().split("admin / ")[1].split()[0]
    assert User.objects.get(username="admin").check_password(password)

    out = io.StringIO()
    call_command("create_local_admin", stdout=out)
    assert "already exists" in out.getvalue()
    assert User.objects.filter(is_superuser=True).count() == 1
