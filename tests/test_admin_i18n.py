"""The review desk in Arabic: right to left, and every string of ours translated."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from claims.admin.versioning import conflict_message
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim

PO = Path(settings.BASE_DIR) / "claims" / "locale" / "ar" / "LC_MESSAGES" / "django.po"


@pytest.mark.django_db
def test_accept_language_arabic_gives_a_right_to_left_admin(client, factchecker):
    article = make_article(ENGLISH_TEXT)
    make_claim(article, "Unemployment fell")
    client.force_login(factchecker)

    html = client.get(
        reverse("admin:claims_article_change", args=[article.pk]), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert "admin/css/rtl.css" in html
    assert "إعادة استخراج الادعاءات" in html  # our own button
    assert "ادعاء واحد" in html  # and our plural forms
    # The English article itself stays left to right inside the Arabic page.
    assert 'id="fc-text" dir="ltr" lang="en"' in html


@pytest.mark.django_db
def test_the_language_switch_posts_to_set_language(client, factchecker):
    client.force_login(factchecker)
    html = client.get(reverse("admin:index")).content.decode()

    assert f'action="{reverse("set_language")}"' in html
    assert 'name="language" value="ar"' in html

    response = client.post(
        reverse("set_language"), {"language": "ar", "next": reverse("admin:index")}, follow=True
    )
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


@pytest.mark.django_db
def test_messages_built_in_code_are_translated(factchecker):
    article = make_article(ARABIC_TEXT)
    claim = make_claim(article, "البطالة تراجعت")
    claim.save()
    from claims.models import StaleVersion

    with translation.override("ar"):
        message = conflict_message(StaleVersion(claim, 1))
    assert "لم يُحفظ شيء" in message


def test_the_arabic_catalogue_is_complete_and_compiled(tmp_path):
    po = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in po and "#| msgid" not in po
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed (make install installs it)"
    fresh = tmp_path / "django.mo"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(fresh), str(PO)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    # The committed .mo says what the .po says (run compilemessages after editing it).
    with fresh.open("rb") as new, PO.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(new)._catalog


def test_every_string_of_ours_is_in_the_arabic_catalogue(tmp_path):
    # makemessages in a copy of the project, so that the test never rewrites
    # the committed catalogue: a string added without its translation shows up
    # there as untranslated (or as a fuzzy guess).
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".*", "tests", "bench", "test-artifacts", "__pycache__", "*.sqlite3", "*.mo", "node_modules"
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", "--no-obsolete"],
        cwd=project,
        capture_output=True,
        check=True,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"},
    )
    po = project / PO.relative_to(settings.BASE_DIR)
    result = subprocess.run(
        [shutil.which("msgfmt"), "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, (
        f"{result.stderr.strip()}: run makemessages -l ar, translate, compilemessages"
    )
