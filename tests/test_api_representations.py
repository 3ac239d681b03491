"""The hand-written fast renderings equal DRF's own rendering of the same serializer."""

import pytest
from django.db.models import Prefetch

from claims.api import serializers as shapes
from claims.models import Article, Claim, ClaimSource, Note, Rating, Scale, Speaker, Verdict, VerdictStatus
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(editor, factchecker):
    article = make_article(ARABIC_TEXT, title="خبر", publisher="وكالة", created_by=editor)
    speaker = Speaker.objects.create(name="ديمتري بيسكوف", kind="person")
    claim = make_claim(
        article,
        "الاقتصاد ينمو بسرعة",
        speaker=speaker,
        assignee=factchecker,
        headline="نمو",
        created_by=editor,
    )
    published = Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), status=VerdictStatus.PUBLISHED
    )
    Verdict.objects.create(
        claim=claim,
        scale=Scale.CONTENT,
        rating=rating("content", "half-true"),
        author=editor,
        corrects=published,
    )
    source = make_source(title="نشرة", publisher="مكتب الإحصاء", published_at="2024-04-30")
    ClaimSource.objects.create(claim=claim, source=source, stance="refutes", added_by=factchecker)
    Note.objects.create(claim=claim, author=editor, body="ملاحظة")
    return claim


def both(serializer, instance):
    return serializer.to_representation(instance), serializer.standard_representation(instance)


def test_the_claim_list_row(claim):
    row = (
        Claim.objects.select_related("speaker", "assignee", "article")
        .defer("article__text")
        .with_current_ratings()
    ).get(pk=claim.pk)
    context = {"ratings": {r.pk: r for r in Rating.objects.all()}}
    fast, standard = both(shapes.ClaimSerializer(context=context), row)
    assert fast == standard
    assert list(fast) == shapes.ClaimSerializer.Meta.fields
    assert fast["content_rating"]["slug"] == "half-true"


def test_the_claim_detail(claim):
    from claims.api.views import ClaimViewSet

    row = ClaimViewSet().read_queryset().get(pk=claim.pk)
    fast, standard = both(shapes.ClaimDetailSerializer(), row)
    assert fast == standard
    assert list(fast) == shapes.ClaimDetailSerializer.Meta.fields


@pytest.mark.parametrize(
    ("serializer", "row"),
    [
        (shapes.VerdictSerializer, lambda c: c.verdicts.select_related("rating", "author").first()),
        (shapes.ClaimSourceSerializer, lambda c: c.claim_sources.select_related("source", "added_by").get()),
        (shapes.ClaimInArticleSerializer, lambda c: c),
        (shapes.UserBriefSerializer, lambda c: c.assignee),
        (shapes.RatingBriefSerializer, lambda c: c.verdicts.first().rating),
        (shapes.SpeakerBriefSerializer, lambda c: c.speaker),
        (shapes.SourceBriefSerializer, lambda c: c.claim_sources.get().source),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_the_small_shapes(claim, serializer, row):
    instance = row(claim)
    fast, standard = both(serializer(), instance)
    assert fast == standard
    assert list(fast) == serializer.Meta.fields


@pytest.mark.parametrize("serializer", [shapes.ArticleSerializer, shapes.ArticleDetailSerializer])
def test_the_article_shapes(claim, serializer):
    from claims.api.views import count_of

    article = (
        Article.objects.select_related("created_by")
        .annotate(claim_count=count_of(Claim, "article"))
        .prefetch_related(Prefetch("claims", queryset=Claim.objects.select_related("speaker")))
        .get(pk=claim.article_id)
    )
    fast, standard = both(serializer(), article)
    assert fast == standard
    assert list(fast) == serializer.Meta.fields
