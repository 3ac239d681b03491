"""Speakers in the admin: the autocomplete the claim page uses, and merging."""

import pytest
from django.urls import reverse

from claims.models import Claim, Speaker
from tests.admin_support import messages_of
from tests.factories import ARABIC_TEXT, make_article, make_claim

pytestmark = pytest.mark.django_db


def test_the_speaker_autocomplete_finds_a_name_by_its_variants(client, factchecker):
    article = make_article(ARABIC_TEXT)
    peskov = Speaker.objects.resolve("ديمتري بيسكوف", aliases=["بيسكوف"])
    claim = make_claim(article, "الاقتصاد ينمو بسرعة", speaker=peskov)
    client.force_login(factchecker)

    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "بيسكوف", "app_label": "claims", "model_name": "claim", "field_name": "speaker"},
    )

    assert [r["id"] for r in response.json()["results"]] == [str(peskov.pk)]
    assert claim.speaker == peskov


def test_an_editor_merges_two_speakers(client, editor):
    article = make_article(ARABIC_TEXT)
    full = Speaker.objects.resolve("سامي الخطيب")
    other = Speaker.objects.create(name="الخطيب الوزير")
    make_claim(article, "الاقتصاد ينمو بسرعة", speaker=full)
    moved = make_claim(article, "البطالة تراجعت", speaker=other)
    client.force_login(editor)
    url = reverse("admin:claims_speaker_changelist")
    chosen = [full.pk, other.pk]

    ask = client.post(url, {"action": "merge_speakers", "_selected_action": chosen})
    assert ask.status_code == 200 and 'name="into"' in ask.content.decode()
    done = client.post(
        url,
        {"action": "merge_speakers", "_selected_action": chosen, "apply": "1", "into": full.pk},
        follow=True,
    )

    assert list(Speaker.objects.all()) == [full]
    assert Claim.objects.get(pk=moved.pk).speaker == full
    full.refresh_from_db()
    assert "الخطيب الوزير" in full.aliases
    assert any("Merged into" in m for m in messages_of(done))


def test_a_fact_checker_cannot_merge_speakers(client, factchecker):
    Speaker.objects.resolve("أ")
    client.force_login(factchecker)
    assert (
        'value="merge_speakers"'
        not in client.get(reverse("admin:claims_speaker_changelist")).content.decode()
    )
