"""Exports from the admin: the claims list's and articles list's actions."""

import csv
import io
import json

from django.contrib.admin import helpers
from django.urls import reverse

from tests.reports_support import NOTE_ON_DRAFT


def run_action(client, model, action, pks, **fields):
    return client.post(
        reverse(f"admin:claims_{model}_changelist"),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(pk) for pk in pks], **fields},
    )


def downloaded(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def test_it_asks_for_the_format_and_audience_first(client, reviewed_seed, factchecker):
    client.force_login(factchecker)

    page = run_action(client, "claim", "export_selected", [reviewed_seed.published.pk]).content.decode()

    for fmt in ("csv", "json", "jsonld", "md", "html", "pdf"):
        assert f'value="{fmt}"' in page
    assert 'value="internal"' in page and 'value="public"' in page


def test_it_exports_the_selected_claims(client, reviewed_seed, factchecker):
    client.force_login(factchecker)
    pks = [reviewed_seed.published.pk, reviewed_seed.drafted.pk]

    response = run_action(
        client, "claim", "export_selected", pks, apply="1", format="csv", audience="internal"
    )

    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(downloaded(response))))
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(pks)
    assert any(r["notes"] == NOTE_ON_DRAFT for r in rows)


def test_it_offers_viewers_the_public_audience_only(client, reviewed_seed, viewer):
    client.force_login(viewer)
    pks = [reviewed_seed.published.pk, reviewed_seed.drafted.pk]

    page = run_action(client, "claim", "export_selected", pks).content.decode()
    refused = run_action(
        client, "claim", "export_selected", pks, apply="1", format="json", audience="internal"
    )
    public = run_action(client, "claim", "export_selected", pks, apply="1", format="json", audience="public")

    assert 'value="internal"' not in page
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert [c["id"] for c in json.loads(downloaded(public))["claims"]] == [reviewed_seed.published.pk]


def test_it_exports_an_articles_report_from_the_articles_list(client, reviewed_seed, editor):
    client.force_login(editor)

    response = run_action(
        client,
        "article",
        "export_articles",
        [reviewed_seed.article.pk],
        apply="1",
        format="json",
        audience="public",
    )

    assert response.status_code == 200
    assert (
        reviewed_seed.article.slug in response["Content-Disposition"]
        or "filename*" in response["Content-Disposition"]
    )
