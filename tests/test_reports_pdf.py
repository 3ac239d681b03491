"""The PDF report, read back with pdftotext (poppler-utils) as a reader's PDF viewer would."""

import re
import shutil
import subprocess
import unicodedata

import pytest
from django.utils import translation

from claims.reports import Audience, Report, render
from tests.reports_support import (
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_CONTENT,
    SOURCE_TITLE,
    squash,
    work_on_seed,
)

# Bidi controls that pdftotext puts around right-to-left runs (LRE…RLO, PDF, LRI…PDI, marks).
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Short claims of the seed, each laid out as one run on one line.
SEED_CLAIMS = [
    "موسكو بالتحضير لغزوها",
    "موعد الاجتماع حُدّد من حيث المبدأ",
    "المواقف متباينة في عدة مواضيع",
    PUBLISHED_CONTENT,
]


@pytest.fixture
def worked(seed_article, editor, factchecker):
    return work_on_seed(seed_article, editor, factchecker)


def pdf(article, audience):
    with translation.override("en"):
        chunks = list(render(Report.for_article(article, audience), "pdf"))
    assert len(chunks) == 1 and chunks[0].startswith(b"%PDF-")
    return chunks[0]


def text_of(data, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (make setup)")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    # Presentation forms (shaped glyphs) back to letters, bidi controls out, lines joined.
    return squash(BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text)))


def letters(text):
    """The letters alone: pdftotext writes a diacritic before its letter and a space after
    ("حُدّد" comes out as "ُح ّدد"), so the order of the letters is what can be compared."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch).startswith("L")
    )


def test_it_writes_the_arabic_claims_in_logical_order(worked, tmp_path):
    text = letters(text_of(pdf(worked.article, Audience.INTERNAL), tmp_path))
    for content in SEED_CLAIMS:
        assert letters(content) in text
        # Glyphs stored in visual order would read back reversed.
        assert letters(content[::-1]) not in text
        assert letters(" ".join(reversed(content.split()))) not in text


def test_it_puts_the_published_verdict_and_source_in_the_public_pdf(worked, tmp_path):
    text = text_of(pdf(worked.article, Audience.PUBLIC), tmp_path)
    assert PUBLISHED_CONTENT in text
    assert "False" in text and SOURCE_TITLE in text
    assert "TRT عربي" in text or "عربي TRT" in text  # the publisher, whichever way the run is read


def test_it_leaks_no_notes_drafts_or_names_into_the_public_pdf(worked, tmp_path):
    text = text_of(pdf(worked.article, Audience.PUBLIC), tmp_path)
    for private in (NOTE_ON_PUBLISHED, DRAFT_EXPLANATION, "fatima", "edward", "draft"):
        assert private not in text
    assert letters(NOTE_ON_DRAFT) not in letters(text)


def test_it_shows_notes_and_drafts_in_the_internal_pdf(worked, tmp_path):
    text = text_of(pdf(worked.article, Audience.INTERNAL), tmp_path)
    assert NOTE_ON_PUBLISHED in text and DRAFT_EXPLANATION in text
    assert "draft, not published" in text and "fatima" in text
