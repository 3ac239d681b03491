"""The article page's verbs: add a claim from a selection, re-extract, export."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from claims.admin import articles
from claims.models import Claim, ClaimOrigin
from tests.admin_support import messages_of
from tests.factories import ARABIC_TEXT, make_article, make_claim
from tests.reports_support import NOTE_ON_PUBLISHED

pytestmark = pytest.mark.django_db

EMOJI_TEXT = "😀 قال الوزير إن 🇸🇦 الاقتصاد ينمو بسرعة.\nوأضاف أن البطالة تراجعت."


def add_claim(client, article, start, end, content=None, **fields):
    url = reverse("admin:claims_article_add_claim", args=[article.pk])
    data = {"start": start, "end": end, "content": article.text[start:end] if content is None else content}
    data.setdefault("kind", "indirect")
    data.update(fields)
    return client.post(url, data, follow=True)


def test_a_claim_is_added_from_code_point_offsets(client, factchecker):
    article = make_article(EMOJI_TEXT, language="ar")
    start = EMOJI_TEXT.index("الاقتصاد")
    end = EMOJI_TEXT.index(".")
    client.force_login(factchecker)

    response = add_claim(client, article, start, end, speaker="الوزير", cue="قال", kind="indirect")

    claim = Claim.objects.get()
    assert (claim.start, claim.end, claim.content) == (start, end, "الاقتصاد ينمو بسرعة")
    assert claim.origin == ClaimOrigin.MANUAL and claim.created_by == factchecker
    assert claim.speaker.name == "الوزير" and claim.cue == "قال"
    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_change", args=[claim.pk])
    assert claim.history.get().history_user == factchecker


def test_white_space_at_the_edges_of_a_selection_is_left_out(client, factchecker):
    article = make_article(ARABIC_TEXT)
    start = ARABIC_TEXT.index("الاقتصاد") - 1
    end = ARABIC_TEXT.index(".") + 2  # ". " then nothing: the full stop stays, the space goes
    client.force_login(factchecker)

    add_claim(client, article, start, end)

    claim = Claim.objects.get()
    assert claim.content == "الاقتصاد ينمو بسرعة."
    assert ARABIC_TEXT[claim.start : claim.end] == claim.content


@pytest.mark.parametrize(
    "start, end, content, error",
    [
        (5, 4, None, "outside the article"),
        (0, 10_000, "x", "outside the article"),
        (0, 5, "غلط", "does not match the article"),
        (4, 5, None, "only white space"),
    ],
)
def test_a_bad_selection_is_refused_with_a_reason(client, factchecker, start, end, content, error):
    article = make_article(ARABIC_TEXT)
    client.force_login(factchecker)

    response = add_claim(client, article, start, end, content)

    assert Claim.objects.count() == 0
    assert any(error in m for m in messages_of(response)), messages_of(response)
    assert response.redirect_chain[-1][0] == reverse("admin:claims_article_change", args=[article.pk])


def test_the_same_span_twice_is_refused(client, factchecker):
    article = make_article(ARABIC_TEXT)
    existing = make_claim(article, "البطالة تراجعت")
    client.force_login(factchecker)

    response = add_claim(client, article, existing.start, existing.end)

    assert Claim.objects.count() == 1
    assert any(f"#{existing.pk} already covers" in m for m in messages_of(response))


def test_a_viewer_cannot_add_claims_nor_sees_the_selection_form(client, viewer):
    article = make_article(ARABIC_TEXT)
    client.force_login(viewer)

    page = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    response = client.post(
        reverse("admin:claims_article_add_claim", args=[article.pk]),
        {"start": 0, "end": 4, "content": "وقال"},
    )

    assert 'id="fc-add-claim"' not in page and "Re-extract" not in page
    assert response.status_code == 403
    assert Claim.objects.count() == 0


def test_reextracting_reports_what_changed(client, factchecker, monkeypatch):
    article = make_article(ARABIC_TEXT)
    kept = make_claim(article, "الاقتصاد ينمو بسرعة")
    calls = []

    def fake_reextract(article, by=None):
        calls.append((article.pk, by))
        added = make_claim(article, "البطالة تراجعت")
        return SimpleNamespace(
            added=[added],
            removed=[{"content": "نص قديم <b>", "start": 0, "end": 3, "speaker_text": ""}],
            kept=[kept],
            unchanged=[],
        )

    monkeypatch.setattr(articles, "reextract_article", fake_reextract)
    client.force_login(factchecker)

    response = client.post(reverse("admin:claims_article_reextract", args=[article.pk]), follow=True)

    assert calls == [(article.pk, factchecker)]
    shown = messages_of(response)
    assert any("added: 1, removed: 1, kept for their editorial work: 1, unchanged: 0" in m for m in shown)
    assert any("البطالة تراجعت" in m for m in shown)
    assert any("&lt;b&gt;" in m for m in shown)  # removed text is escaped
    assert client.get(reverse("admin:claims_article_reextract", args=[article.pk])).status_code == 405


def test_the_report_menu_offers_every_format_in_the_audiences_the_user_may_read(
    client, factchecker, viewer, reviewed_seed
):
    article = reviewed_seed.article
    url = reverse("admin:claims_article_change", args=[article.pk])

    client.force_login(factchecker)
    desk = client.get(url).content.decode()
    client.force_login(viewer)
    reader = client.get(url).content.decode()

    for fmt in ("csv", "json", "jsonld", "md", "html", "pdf"):
        assert f'href="/api/articles/{article.pk}/report.{fmt}?audience=internal"' in desk
        assert f'href="/api/articles/{article.pk}/report.{fmt}?audience=public"' in desk
        assert f'href="/api/articles/{article.pk}/report.{fmt}?audience=public"' in reader
    assert "audience=internal" not in reader
    assert "Public report page" in desk and 'class="viewsitelink"' in desk


def test_the_report_links_download(client, factchecker, reviewed_seed):
    client.force_login(factchecker)
    page = client.get(
        reverse("admin:claims_article_change", args=[reviewed_seed.article.pk])
    ).content.decode()
    links = re.findall(r'href="(/api/articles/[0-9]+/report\.(?:csv|json)\?audience=internal)"', page)

    assert len(links) == 2
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        assert NOTE_ON_PUBLISHED in b"".join(response.streaming_content).decode()


def test_the_public_page_is_offered_only_once_something_is_published(client, factchecker):
    article = make_article(ARABIC_TEXT)
    client.force_login(factchecker)

    page = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()

    assert "Public report page" not in page and 'class="viewsitelink"' not in page


def test_reextracting_the_seed_article_keeps_its_claims_and_the_reviewed_one(
    client, factchecker, seed_article
):
    claims = list(seed_article.claims.order_by("start"))
    assert claims, "ingestion extracts the seed article's claims"
    reviewed = claims[0]
    reviewed.headline = "Edited by the desk"
    reviewed.save()
    client.force_login(factchecker)

    response = client.post(reverse("admin:claims_article_reextract", args=[seed_article.pk]), follow=True)

    summary = next(m for m in messages_of(response) if "Claims extracted again" in m)
    assert f"unchanged: {len(claims) - 1}" in summary and "kept for their editorial work: 1" in summary
    reviewed.refresh_from_db()
    assert reviewed.headline == "Edited by the desk"
    assert seed_article.claims.count() == len(claims)
