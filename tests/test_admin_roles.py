"""Who may do what in the review desk: Viewer, Fact-checker, Editor."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.models import ClaimSource, Note, Scale, Speaker, Verdict
from tests.admin_support import claim_url, form_data
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = make_article(ARABIC_TEXT)
    claim = make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("الوزير"))
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    Note.objects.create(claim=claim, body="ملاحظة")
    return claim


def test_a_viewer_sees_everything_and_changes_nothing(client, viewer, factchecker, claim):
    client.force_login(viewer)
    article_page = client.get(reverse("admin:claims_article_change", args=[claim.article_id]))
    claim_page = client.get(claim_url(claim))

    assert article_page.status_code == claim_page.status_code == 200
    html = claim_page.content.decode()
    assert 'name="_save"' not in html and 'name="opened_version"' not in html
    assert "الاقتصاد ينمو بسرعة" in html and "fc-publish" not in html
    assert 'id="fc-add-claim"' not in article_page.content.decode()
    for url in (claim_url(claim), reverse("admin:claims_claim_add"), reverse("admin:claims_verdict_add")):
        assert client.post(url, {"headline": "x"}).status_code == 403
    assert (
        client.post(reverse("admin:claims_claim_publish", args=[claim.pk]), {"version": 1}).status_code == 403
    )
    assert client.get(reverse("admin:claims_claim_history", args=[claim.pk])).status_code == 200
    claim.refresh_from_db()
    assert claim.headline == "" and claim.version == 1


def test_a_fact_checker_edits_but_cannot_delete_or_publish(client, factchecker, claim):
    client.force_login(factchecker)
    page = client.get(claim_url(claim))
    data = form_data(page)
    data["headline"] = "Growth"

    assert client.post(claim_url(claim), data).status_code == 302
    assert client.get(reverse("admin:claims_claim_delete", args=[claim.pk])).status_code == 403
    assert 'name="verdicts-0-DELETE"' not in page.content.decode()
    claim.refresh_from_db()
    assert claim.headline == "Growth"


def test_only_staff_enter_the_admin(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_add_member_creates_a_staff_user_in_the_role(client):
    out = io.StringIO()
    call_command("add_member", "nadia", "--role", "editor", "--email", "nadia@example.org", stdout=out)

    nadia = User.objects.get(username="nadia")
    assert nadia.is_staff and nadia.is_active and not nadia.is_superuser
    assert list(nadia.groups.values_list("name", flat=True)) == ["Editor"]
    password = out.getvalue().split("Password (shown once): ")[1].split()[0]
    assert client.login(username="nadia", password=password)
    assert client.get(reverse("admin:claims_claim_changelist")).status_code == 200


def test_add_member_changes_the_role_of_an_existing_member(factchecker):
    call_command("add_member", factchecker.username, "--role", "viewer", stdout=io.StringIO())

    assert list(factchecker.groups.values_list("name", flat=True)) == ["Viewer"]
    assert factchecker.check_password("correct horse battery")  # untouched


def test_add_member_refuses_an_unknown_role():
    with pytest.raises(CommandError):
        call_command("add_member", "x", "--role", "owner", stdout=io.StringIO(), stderr=io.StringIO())
    assert not User.objects.filter(username="x").exists()


def test_the_roles_carry_the_admin_permissions():
    perms = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert "change_claim" not in perms["Viewer"] and "view_claim" in perms["Viewer"]
    assert {"change_claim", "add_verdict", "add_note"} <= perms["Fact-checker"]
    assert "publish_claim" not in perms["Fact-checker"] and "delete_claim" not in perms["Fact-checker"]
    assert {"publish_claim", "assign_claim", "delete_claim", "merge_speakers"} <= perms["Editor"]
