"""Publishing from the claim page: editors only, and only a claim that is ready."""

import re

import pytest
from django.urls import reverse

from claims.models import ClaimSource, ClaimStatus, Scale, Speaker, Verdict, VerdictStatus
from tests.admin_support import claim_url, messages_of
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = make_article(ARABIC_TEXT)
    return make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("الوزير"))


@pytest.fixture
def ready(claim):
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote")
    )
    ClaimSource.objects.create(claim=claim, source=make_source())
    claim.refresh_from_db()
    return claim


def publish(client, claim, version=None):
    url = reverse("admin:claims_claim_publish", args=[claim.pk])
    return client.post(url, {"version": claim.version if version is None else version}, follow=True)


def test_an_editor_publishes_a_ready_claim_and_its_verdicts(client, editor, ready):
    client.force_login(editor)
    page = client.get(claim_url(ready)).content.decode()
    assert re.search(r'class="button default fc-publish"\s*>', page)  # enabled

    response = publish(client, ready)

    ready.refresh_from_db()
    assert ready.status == ClaimStatus.PUBLISHED
    assert set(ready.verdicts.values_list("status", flat=True)) == {VerdictStatus.PUBLISHED}
    assert all(v.published_at for v in ready.verdicts.all())
    assert any("is published" in m for m in messages_of(response))
    record = ready.history.latest("history_date")
    assert (record.status, record.history_user, record.history_change_reason) == (
        "published",
        editor,
        "Published",
    )
    history = client.get(reverse("admin:claims_claim_history", args=[ready.pk])).content.decode()
    assert "Changed · Published" in history
    assert "<strong>Status:</strong>" in history and '→</span> <span dir="auto">published</span>' in history


def test_a_fact_checker_sees_no_publish_button_and_cannot_publish(client, factchecker, ready):
    client.force_login(factchecker)

    assert "fc-publish" not in client.get(claim_url(ready)).content.decode()
    assert (
        client.post(reverse("admin:claims_claim_publish", args=[ready.pk]), {"version": 1}).status_code == 403
    )

    ready.refresh_from_db()
    assert ready.status == ClaimStatus.NEW


@pytest.mark.parametrize(
    "missing, problem",
    [("verdict", "A content verdict is needed"), ("source", "At least one source is needed")],
)
def test_publishing_needs_a_content_verdict_and_a_source(client, editor, claim, missing, problem):
    if missing != "verdict":
        Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    if missing != "source":
        ClaimSource.objects.create(claim=claim, source=make_source())
    # An attribution verdict alone is not enough.
    Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote")
    )
    claim.refresh_from_db()
    client.force_login(editor)

    page = client.get(claim_url(claim)).content.decode()
    response = publish(client, claim)

    assert problem in page and re.search(r'fc-publish"\s+disabled', page)
    assert any(problem in m for m in messages_of(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_an_editor_publishes_only_what_they_have_seen(client, editor, factchecker, ready):
    client.force_login(editor)
    opened = ready.version
    ready.headline = "changed meanwhile"
    ready._history_user = factchecker
    ready.save()

    response = publish(client, ready, version=opened)

    ready.refresh_from_db()
    assert ready.status == ClaimStatus.NEW
    assert any("“fatima” changed this claim after you opened it" in m for m in messages_of(response))


def test_a_correction_of_a_published_claim_is_published_from_the_same_button(client, editor, ready):
    client.force_login(editor)
    publish(client, ready)
    ready.refresh_from_db()
    published = ready.current_verdict(Scale.CONTENT)
    published.correct(rating("content", "mostly-false"), "New data", by=editor)
    ready.refresh_from_db()

    page = client.get(claim_url(ready)).content.decode()
    assert "A correction is waiting to be published." in page
    publish(client, ready)

    correction = ready.current_verdict(Scale.CONTENT)
    assert correction.status == VerdictStatus.PUBLISHED and correction.corrects == published


def test_the_publish_action_reports_which_claims_failed(client, editor, ready):
    other = make_claim(ready.article, "البطالة تراجعت")
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, other.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    other.refresh_from_db()
    assert (ready.status, other.status) == (ClaimStatus.PUBLISHED, ClaimStatus.NEW)
    shown = " ".join(messages_of(response))
    assert "Published 1 claim." in shown and "1 claim was not changed" in shown
    assert "A content verdict is needed" in shown


def test_a_fact_checker_is_not_offered_the_publish_action(client, factchecker, ready):
    client.force_login(factchecker)

    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()

    assert 'value="publish"' not in page and 'value="assign_to_me"' in page
