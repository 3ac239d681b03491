import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from claims.ingest import IngestError, detect_language, ingest_article
from claims.models import Article
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT

pytestmark = pytest.mark.django_db


def test_it_stores_an_article_exactly_as_given():
    text = "  " + ARABIC_TEXT + "\r\n\n\u200fسطر ثان\u200f\n"
    result = ingest_article(text, title="عنوان", publisher="وكالة", published_at=date(2024, 5, 1))
    assert result.created
    stored = Article.objects.get(pk=result.article.pk)
    assert stored.text == text
    assert stored.language == "ar"
    assert (stored.title, stored.publisher, stored.published_at) == ("عنوان", "وكالة", date(2024, 5, 1))


def test_it_returns_the_existing_article_for_the_same_text():
    first = ingest_article(ENGLISH_TEXT)
    again = ingest_article("\n" + ENGLISH_TEXT.replace(" ", "  ") + "\n\n", title="Other title")
    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("Some text\x00 with a NUL", "NUL"),
        ("A lone \ud800 surrogate", "surrogate"),
        (b"\xff\xfe not utf-8", "UTF-8"),
        (12, "string"),
    ],
)
def test_it_rejects_bad_text_with_a_reason_and_stores_nothing(text, reason):
    with pytest.raises(IngestError, match=reason):
        ingest_article(text)
    assert Article.objects.count() == 0


def test_it_rejects_text_over_the_size_limit(settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 100
    with pytest.raises(IngestError, match="limit is 100"):
        ingest_article("word " * 30)
    assert Article.objects.count() == 0


def test_it_rejects_a_bad_language_code_and_a_bad_url():
    with pytest.raises(IngestError, match="language"):
        ingest_article(ENGLISH_TEXT, language="English!")
    with pytest.raises(IngestError, match="url"):
        ingest_article(ENGLISH_TEXT, url="not a url")
    assert Article.objects.count() == 0


def test_it_rejects_a_second_article_with_the_same_url():
    ingest_article(ENGLISH_TEXT, url="https://example.org/story")
    with pytest.raises(IngestError, match="already has"):
        ingest_article(ARABIC_TEXT, url="https://example.org/story")
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ARABIC_TEXT, "ar"),
        (ENGLISH_TEXT, "en"),
        ("Reuters: " + ARABIC_TEXT, "ar"),  # Latin agency name, Arabic body
        ("The minister (الوزير) said the plan would work.", "en"),
        ("Министр заявил, что экономика растёт.", "und"),
    ],
)
def test_it_detects_the_language(text, language):
    assert detect_language(text) == language


def test_it_keeps_a_given_language_over_the_guess():
    assert ingest_article(ENGLISH_TEXT, language="fr").article.language == "fr"


def test_it_titles_an_untitled_article_with_its_first_line():
    article = ingest_article("\n\nFirst line here\nSecond line.").article
    assert article.title == "First line here"


def test_the_ingest_command_reads_files_and_summarises(tmp_path):
    paths = []
    for i, text in enumerate([ENGLISH_TEXT, ARABIC_TEXT, ENGLISH_TEXT]):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = io.StringIO()
    call_command("ingest", *paths, stdout=out, stderr=io.StringIO())
    assert "Ingested 2 new article(s)" in out.getvalue()
    assert "1 already present" in out.getvalue()
    assert Article.objects.count() == 2


def test_the_ingest_command_fails_loudly_on_bad_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 of 3"):
        call_command(
            "ingest", str(good), str(bad), str(tmp_path / "missing.txt"), stdout=io.StringIO(), stderr=err
        )
    assert "bad.txt: The text is not valid UTF-8" in err.getvalue()
    assert Article.objects.count() == 1


def test_the_ingest_command_takes_metadata_for_one_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ENGLISH_TEXT, encoding="utf-8")
    call_command(
        "ingest",
        str(path),
        "--title=Budget story",
        "--publisher=Daily",
        "--url=https://example.org/budget",
        "--published-at=2024-02-29",
        stdout=io.StringIO(),
    )
    article = Article.objects.get()
    assert (article.title, article.publisher, article.url) == (
        "Budget story",
        "Daily",
        "https://example.org/budget",
    )
    assert article.published_at == date(2024, 2, 29)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("ingest", str(path), "--published-at=29/02/2024", stdout=io.StringIO())
