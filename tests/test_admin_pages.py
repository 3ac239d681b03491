import pytest
from django.urls import reverse

from claims.models import Article, Claim, ClaimSource, Note, Scale, Speaker, Verdict
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db

MODELS = ["article", "speaker", "claim", "rating", "verdict", "source", "claimsource", "note"]


@pytest.fixture
def populated(seed_article):
    article = make_article(ARABIC_TEXT)
    claim = make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("سامي الخطيب"))
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    Note.objects.create(claim=claim, body="ملاحظة داخلية")
    return claim


@pytest.mark.parametrize("model", MODELS)
def test_every_changelist_and_add_page_answers_for_a_superuser(client, superuser, populated, model):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:claims_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:claims_{model}_add")).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_every_change_page_answers_for_a_superuser(client, superuser, populated, model):
    from django.apps import apps

    obj = apps.get_model("claims", model).objects.first()
    client.force_login(superuser)
    assert client.get(reverse(f"admin:claims_{model}_change", args=[obj.pk])).status_code == 200


def test_adding_an_article_in_the_admin_goes_through_ingestion(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:claims_article_add")
    response = client.post(
        url, {"title": "", "text": ARABIC_TEXT, "language": "", "url": "", "publisher": ""}
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.language == "ar" and article.created_by == superuser
    assert article.text == ARABIC_TEXT

    again = client.post(url, {"title": "Copy", "text": ARABIC_TEXT + "\n", "language": "ar"})
    assert again.status_code == 200
    assert "already stored" in again.content.decode()
    assert Article.objects.count() == 1


def test_the_admin_refuses_a_claim_whose_content_is_not_at_its_offsets(client, superuser):
    article = make_article(ARABIC_TEXT)
    client.force_login(superuser)
    response = client.post(
        reverse("admin:claims_claim_add"),
        {
            "article": article.pk,
            "content": "نص غير موجود",
            "start": 0,
            "end": 5,
            "kind": "indirect",
            "status": "new",
            "origin": "manual",
        },
    )
    assert response.status_code == 200
    assert "exactly the article" in response.content.decode()
    assert Claim.objects.count() == 0


def test_a_viewer_sees_but_cannot_change(client, viewer, populated):
    client.force_login(viewer)
    assert client.get(reverse("admin:claims_claim_changelist")).status_code == 200
    assert client.get(reverse("admin:claims_claim_add")).status_code == 403
    page = client.get(reverse("admin:claims_claim_change", args=[populated.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
