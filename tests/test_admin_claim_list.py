"""The claims list: filters, search, badges, bulk actions and a constant number of queries."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from claims.admin.claims import ClaimAdmin
from claims.models import Claim, ClaimSource, ClaimStatus, Scale, Speaker, Verdict
from tests.admin_support import messages_of
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db
LIST = "admin:claims_claim_changelist"


@pytest.fixture
def desk(factchecker, editor):
    """Claims in two articles and two languages, in different states."""
    arabic = make_article(ARABIC_TEXT)
    english = make_article(ENGLISH_TEXT)
    minister = Speaker.objects.resolve("الوزير")
    claims = {
        "growth": make_claim(arabic, "الاقتصاد ينمو بسرعة", speaker=minister, assignee=factchecker),
        "jobs": make_claim(arabic, "البطالة تراجعت", speaker=minister, status=ClaimStatus.IN_REVIEW),
        "fast": make_claim(
            english, "the economy was growing fast", headline="Economy growing", assignee=editor
        ),
        "fell": make_claim(english, "Unemployment fell", status=ClaimStatus.READY),
    }
    Verdict.objects.create(claim=claims["growth"], scale=Scale.CONTENT, rating=rating("content", "true"))
    Verdict.objects.create(claim=claims["growth"], scale=Scale.CONTENT, rating=rating("content", "false"))
    Verdict.objects.create(claim=claims["jobs"], scale=Scale.CONTENT, rating=rating("content", "true"))
    Verdict.objects.create(
        claim=claims["fast"], scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
    )
    ClaimSource.objects.create(claim=claims["jobs"], source=make_source())
    return claims


def listed(client, **params):
    response = client.get(reverse(LIST), params)
    assert response.status_code == 200
    return {c.pk for c in response.context["cl"].result_list}, response


def ids(desk, *names):
    return {desk[name].pk for name in names}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["growth", "jobs", "fast", "fell"]),
        ({"status__exact": "in_review"}, ["jobs"]),
        ({"kind__exact": "indirect"}, ["growth", "jobs", "fast", "fell"]),
        ({"language": "en"}, ["fast", "fell"]),
        ({"todo": "needs_verdict"}, ["fast", "fell"]),
        ({"todo": "mine"}, ["growth"]),
        ({"todo": "no_source"}, ["growth", "fast", "fell"]),
        ({"assignee": "me"}, ["growth"]),
        ({"assignee": "none"}, ["jobs", "fell"]),
        ({"q": "البطالة"}, ["jobs"]),
        ({"q": "Economy growing"}, ["fast"]),
        ({"q": "الوزير"}, ["growth", "jobs"]),  # speaker's name
    ],
)
def test_filters_and_search(client, factchecker, desk, params, expected):
    client.force_login(factchecker)
    assert listed(client, **params)[0] == ids(desk, *expected)


def test_rating_filters_use_the_current_verdict_only(client, factchecker, desk):
    client.force_login(factchecker)
    true, false = rating("content", "true").pk, rating("content", "false").pk
    misquoted = rating("attribution", "misquoted").pk

    assert listed(client, content_rating=true)[0] == ids(desk, "jobs")  # growth's "true" was superseded
    assert listed(client, content_rating=false)[0] == ids(desk, "growth")
    assert listed(client, content_rating="none")[0] == ids(desk, "fast", "fell")
    assert listed(client, attribution=misquoted)[0] == ids(desk, "fast")


def test_article_and_speaker_filters(client, factchecker, desk):
    client.force_login(factchecker)
    minister = desk["growth"].speaker

    assert listed(client, article=desk["fast"].article_id)[0] == ids(desk, "fast", "fell")
    assert listed(client, speaker=minister.pk)[0] == ids(desk, "growth", "jobs")
    _, response = listed(client)
    html = response.content.decode()
    assert f"?speaker={minister.pk}" in html and f"?article={desk['fast'].article_id}" in html


def test_rows_show_coloured_verdicts_speakers_and_the_default_order(client, factchecker, desk):
    client.force_login(factchecker)
    _, response = listed(client)
    html = response.content.decode()

    order = [c.pk for c in response.context["cl"].result_list]
    # Newest article first, each in reading order.
    assert order == [desk["fast"].pk, desk["fell"].pk, desk["growth"].pk, desk["jobs"].pk]
    assert re.search(
        r'class="fc-pill fc-scale-content" style="--fc-c: #a40e26" title="[^"]+: False">False<', html
    )
    assert 'class="fc-pill fc-scale-attribution" style="--fc-c: #d1242f"' in html
    assert '<bdi class="fc-speaker">الوزير</bdi>' in html
    assert 'class="fc-status fc-status-in_review"' in html


def test_the_list_costs_the_same_queries_at_any_page_size(
    client, factchecker, django_assert_max_num_queries, monkeypatch
):
    article = make_article(ENGLISH_TEXT * 60)
    speakers = [Speaker.objects.resolve(f"Speaker {i}") for i in range(5)]
    sentence = len(ENGLISH_TEXT)
    for i in range(60):
        claim = Claim.objects.create(
            article=article,
            content=ENGLISH_TEXT[4:12],
            start=i * sentence + 4,
            end=i * sentence + 12,
            speaker=speakers[i % 5],
            assignee=factchecker if i % 3 else None,
        )
        Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
        Verdict.objects.create(
            claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
        )
    client.force_login(factchecker)
    url = reverse(LIST)
    client.get(url)  # warm the session and the content types

    for params in (
        {},
        {"todo": "mine", "status__exact": "new", "content_rating": rating("content", "true").pk},
    ):
        counts = {}
        for size in (10, 30):
            monkeypatch.setattr(ClaimAdmin, "list_per_page", size)
            with django_assert_max_num_queries(20) as captured:
                response = client.get(url, params)
            assert len(response.context["cl"].result_list) == size
            counts[size] = len(captured)
        assert counts[10] == counts[30], params


def test_assign_to_me_writes_a_history_row_per_claim(client, factchecker, desk):
    client.force_login(factchecker)
    chosen = [desk["jobs"].pk, desk["fell"].pk, desk["growth"].pk]

    response = client.post(reverse(LIST), {"action": "assign_to_me", "_selected_action": chosen}, follow=True)

    assert set(Claim.objects.filter(assignee=factchecker).values_list("pk", flat=True)) == set(chosen)
    assert "Assigned 2 claims to you." in messages_of(response)
    for pk in (desk["jobs"].pk, desk["fell"].pk):
        record = Claim.history.filter(id=pk).latest("history_date")
        assert record.assignee_id == factchecker.pk and record.history_user == factchecker
        assert record.version == 2


def test_assign_to_asks_whom_and_needs_the_assign_permission(client, factchecker, editor, desk):
    chosen = [desk["jobs"].pk, desk["fell"].pk]
    client.force_login(editor)

    first = client.post(reverse(LIST), {"action": "assign_to", "_selected_action": chosen})
    assert first.status_code == 200 and 'name="assignee"' in first.content.decode()
    client.post(
        reverse(LIST),
        {"action": "assign_to", "_selected_action": chosen, "apply": "1", "assignee": factchecker.pk},
    )

    assert set(Claim.objects.filter(assignee=factchecker).values_list("pk", flat=True)) >= set(chosen)
    assert Claim.history.filter(id=desk["fell"].pk, assignee_id=factchecker.pk, history_user=editor).exists()

    client.force_login(factchecker)
    page = client.get(reverse(LIST)).content.decode()
    assert 'value="assign_to"' not in page


def test_set_status_moves_what_it_can_and_lists_what_it_cannot(client, factchecker, desk):
    desk["fell"].status = ClaimStatus.PUBLISHED
    desk["fell"].save()
    client.force_login(factchecker)
    chosen = [desk["growth"].pk, desk["jobs"].pk, desk["fell"].pk]

    response = client.post(
        reverse(LIST),
        {"action": "set_status", "_selected_action": chosen, "apply": "1", "status": ClaimStatus.READY},
        follow=True,
    )

    statuses = dict(Claim.objects.filter(pk__in=chosen).values_list("pk", "status"))
    assert statuses == {desk["growth"].pk: "ready", desk["jobs"].pk: "ready", desk["fell"].pk: "published"}
    shown = " ".join(messages_of(response))
    assert "Set the status of 2 claims." in shown
    assert "1 claim was not changed" in shown and "Only editors can withdraw a published claim." in shown
    assert Claim.history.filter(id=desk["jobs"].pk, status="ready", history_user=factchecker).exists()


def test_set_status_refuses_a_move_the_workflow_forbids(client, factchecker, desk):
    client.force_login(factchecker)
    client.post(
        reverse(LIST),
        {
            "action": "set_status",
            "_selected_action": [desk["fell"].pk],
            "apply": "1",
            "status": ClaimStatus.NEW,
        },
    )
    desk["fell"].refresh_from_db()
    assert desk["fell"].status == ClaimStatus.READY


def test_export_selected_gives_a_file_of_the_claims(client, factchecker, desk):
    client.force_login(factchecker)
    chosen = [desk["growth"].pk, desk["fast"].pk]

    page = client.post(reverse(LIST), {"action": "export_selected", "_selected_action": chosen})
    assert page.status_code == 200 and 'name="format"' in page.content.decode()
    choice = {"action": "export_selected", "_selected_action": chosen, "apply": "1", "audience": "internal"}
    as_csv = client.post(reverse(LIST), {**choice, "format": "csv"})
    as_json = client.post(reverse(LIST), {**choice, "format": "json"})

    rows = list(csv.DictReader(io.StringIO(b"".join(as_csv.streaming_content).decode("utf-8-sig"))))
    assert [int(r["claim_id"]) for r in rows] == sorted(chosen)
    growth = next(r for r in rows if int(r["claim_id"]) == desk["growth"].pk)
    assert (growth["content"], growth["content_rating"], growth["speaker"]) == (
        "الاقتصاد ينمو بسرعة",
        "False",
        "الوزير",
    )
    exported = json.loads(b"".join(as_json.streaming_content))
    assert {claim["id"] for claim in exported["claims"]} == set(chosen)


def test_a_viewer_runs_no_changing_action(client, viewer, desk):
    client.force_login(viewer)
    page = client.get(reverse(LIST)).content.decode()

    for action in ("assign_to_me", "assign_to", "set_status", "publish", "delete_selected"):
        assert f'value="{action}"' not in page
    response = client.post(reverse(LIST), {"action": "assign_to_me", "_selected_action": [desk["jobs"].pk]})
    assert response.status_code in (200, 302)
    desk["jobs"].refresh_from_db()
    assert desk["jobs"].assignee is None


def test_claims_with_published_verdicts_are_not_deleted(client, editor, desk):
    verdict = desk["jobs"].verdicts.get()
    verdict.publish()
    client.force_login(editor)

    assert client.get(reverse("admin:claims_claim_delete", args=[desk["jobs"].pk])).status_code == 403
    client.post(
        reverse(LIST), {"action": "delete_selected", "_selected_action": [desk["fell"].pk], "post": "yes"}
    )
    assert not Claim.objects.filter(pk=desk["fell"].pk).exists()
    assert Claim.objects.filter(pk=desk["jobs"].pk).exists()


def test_search_finds_a_claim_by_number_and_a_speaker_by_another_spelling(client, factchecker, desk):
    client.force_login(factchecker)
    desk["jobs"].speaker.aliases = ["وزير الاقتصاد"]
    desk["jobs"].speaker.save()

    assert listed(client, q=f"#{desk['fell'].pk}")[0] == ids(desk, "fell")
    assert listed(client, q="الوَزير")[0] == ids(desk, "growth", "jobs")  # with a diacritic
    assert listed(client, q='"وزير الاقتصاد"')[0] == ids(desk, "growth", "jobs")  # an alias, quoted


def test_an_unfiltered_list_of_a_huge_table_uses_the_planners_estimate(
    client, factchecker, desk, monkeypatch
):
    from django.db import connection

    from claims.admin import pagination

    if connection.vendor != "postgresql":
        pytest.skip("the estimate comes from PostgreSQL's pg_class")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", -1)
    client.force_login(factchecker)

    unfiltered = listed(client)[1].context["cl"]
    filtered = listed(client, status__exact="new")[1].context["cl"]

    assert unfiltered.paginator.estimated_total() is not None
    assert filtered.paginator.estimated_total() is None and filtered.result_count == 2
