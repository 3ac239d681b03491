import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from claims.models import (
    Article,
    Claim,
    ClaimSource,
    ClaimStatus,
    Scale,
    Speaker,
    SpeakerKind,
    StaleVersion,
    Verdict,
    VerdictLocked,
    VerdictStatus,
)
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


def test_it_accepts_a_claim_whose_offsets_match_the_text():
    article = make_article(ARABIC_TEXT)
    claim = make_claim(article, "الاقتصاد ينمو بسرعة")
    assert article.text[claim.start : claim.end] == claim.content


@pytest.mark.parametrize(
    ("start", "end", "content"),
    [
        (0, 5, "wrong"),  # offsets inside the text, content differs
        (10, 5, "x"),  # end before start
        (0, 10_000, "The minister"),  # past the end
    ],
)
def test_it_refuses_a_claim_whose_offsets_do_not_match(start, end, content):
    article = make_article(ENGLISH_TEXT)
    with pytest.raises(ValidationError):
        Claim.objects.create(article=article, start=start, end=end, content=content)
    assert Claim.objects.count() == 0


def test_it_enforces_a_non_empty_span_in_the_database():
    article = make_article(ENGLISH_TEXT)
    claim = make_claim(article, "the economy was growing fast")
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=claim.start)


def test_it_never_stores_the_same_text_twice():
    make_article(ENGLISH_TEXT)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("  " + ENGLISH_TEXT.replace(" ", "\n  ") + "\n", title="Same text, other spacing")


def test_it_keeps_urls_unique_only_when_given():
    make_article(ENGLISH_TEXT, url="")
    make_article(ARABIC_TEXT, url="")
    make_article(ENGLISH_TEXT + " More.", url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(ARABIC_TEXT + " المزيد.", url="https://example.org/a")


def test_it_refuses_to_change_an_articles_text():
    article = make_article(ENGLISH_TEXT)
    article = Article.objects.get(pk=article.pk)
    article.title = "A new title is fine"
    article.save()
    article.text = ENGLISH_TEXT + " Appended."
    with pytest.raises(ValidationError):
        article.save()
    assert Article.objects.get(pk=article.pk).text == ENGLISH_TEXT


def test_it_gives_each_article_a_unicode_slug():
    article = make_article(ARABIC_TEXT, title="وزير الاقتصاد يتحدث")
    assert article.slug.startswith("وزير-الاقتصاد-يتحدث-")


def test_it_keeps_one_current_verdict_per_scale_and_the_rest_as_history(factchecker):
    claim = make_claim(make_article(), "the economy was growing fast")
    first = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    second = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true"))
    attribution = Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote")
    )

    current = claim.current_verdicts()
    assert current == {Scale.CONTENT: second, Scale.ATTRIBUTION: attribution}
    assert set(Verdict.objects.current()) == {second, attribution}
    assert claim.verdicts.count() == 3
    assert not first.is_current and second.is_current

    annotated = Claim.objects.with_current_ratings().get(pk=claim.pk)
    assert annotated.current_content_rating_id == second.rating_id
    assert annotated.current_attribution_rating_id == attribution.rating_id


def test_it_refuses_a_rating_from_the_other_scale():
    claim = make_claim(make_article(), "the economy was growing fast")
    with pytest.raises(ValidationError):
        Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("attribution", "misquoted"))
    assert Verdict.objects.count() == 0


def test_it_never_deletes_a_published_verdict():
    article = make_article()
    claim = make_claim(article, "the economy was growing fast")
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    verdict.publish()

    with pytest.raises(VerdictLocked), transaction.atomic():
        verdict.delete()
    with pytest.raises(VerdictLocked), transaction.atomic():
        Verdict.objects.all().delete()
    with pytest.raises(VerdictLocked), transaction.atomic():
        claim.delete()
    with pytest.raises(VerdictLocked), transaction.atomic():
        article.delete()
    assert Verdict.objects.filter(pk=verdict.pk, status=VerdictStatus.PUBLISHED).exists()


def test_it_deletes_a_draft_verdict():
    claim = make_claim(make_article(), "the economy was growing fast")
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    verdict.delete()
    assert Verdict.objects.count() == 0


def test_it_corrects_a_published_verdict_with_a_new_one():
    claim = make_claim(make_article(), "the economy was growing fast")
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    verdict.publish()
    verdict.explanation = "silently rewritten"
    with pytest.raises(VerdictLocked):
        verdict.save()

    correction = verdict.correct(rating("content", "half-true"), "The figures were revised on 2 May.")
    assert correction.corrects == verdict
    assert claim.current_verdict(Scale.CONTENT) == correction
    assert Verdict.objects.get(pk=verdict.pk).explanation == ""


def test_it_detects_a_stale_save():
    claim = make_claim(make_article(), "the economy was growing fast")
    mine = Claim.objects.get(pk=claim.pk)
    theirs = Claim.objects.get(pk=claim.pk)

    theirs.headline = "Theirs"
    theirs.save_if_current(theirs.version)
    mine.headline = "Mine"
    with pytest.raises(StaleVersion) as raised:
        mine.save_if_current(mine.version)

    assert raised.value.current == 2
    assert Claim.objects.get(pk=claim.pk).headline == "Theirs"


def test_it_resolves_the_same_speaker_across_articles():
    first = Speaker.objects.resolve("بيسكوف")
    second = Speaker.objects.resolve("ديمتري بيسكوف")
    third = Speaker.objects.resolve("بِيسكوف")
    assert first == second == third
    second.refresh_from_db()
    assert second.name == "ديمتري بيسكوف"
    assert second.aliases == ["بيسكوف"]
    assert Speaker.objects.count() == 1


def test_it_matches_a_bare_surname_to_the_one_person_with_it():
    full = Speaker.objects.resolve("Dmitry Peskov", kind=SpeakerKind.PERSON)
    assert Speaker.objects.resolve("Peskov") == full
    Speaker.objects.resolve("Jane Smith")
    Speaker.objects.resolve("John Smith")
    # Two Smiths: a bare "Smith" is a new speaker, never a guess.
    smith = Speaker.objects.resolve("Smith")
    assert smith.name == "Smith"
    assert Speaker.objects.count() == 4


def test_it_merges_speakers_and_moves_their_claims(editor, viewer):
    article = make_article()
    keep = Speaker.objects.create(name="Ministry of Finance", kind=SpeakerKind.ORGANISATION)
    drop = Speaker.objects.create(name="Finance Ministry", kind=SpeakerKind.ORGANISATION)
    claim = make_claim(article, "the economy was growing fast", speaker=drop)

    with pytest.raises(PermissionDenied):
        keep.merge(drop, by=viewer)
    keep.merge(drop, by=editor)

    claim.refresh_from_db()
    assert claim.speaker == keep
    assert "Finance Ministry" in keep.aliases
    assert not Speaker.objects.filter(pk=drop.pk).exists()


def test_it_validates_status_transitions():
    claim = make_claim(make_article(), "the economy was growing fast")
    claim.set_status(ClaimStatus.IN_REVIEW)
    claim.set_status(ClaimStatus.DISMISSED)
    with pytest.raises(ValidationError):
        claim.set_status(ClaimStatus.READY)


def test_it_publishes_only_with_a_content_verdict_and_a_source(editor, factchecker):
    claim = make_claim(make_article(), "the economy was growing fast")
    with pytest.raises(ValidationError) as raised:
        claim.publish(by=editor)
    assert len(raised.value.messages) == 2

    verdict = Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true")
    )
    ClaimSource.objects.create(claim=claim, source=make_source(), stance="supports")
    with pytest.raises(PermissionDenied):
        claim.publish(by=factchecker)

    claim.publish(by=editor)
    claim.refresh_from_db()
    verdict.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert verdict.status == VerdictStatus.PUBLISHED and verdict.published_at is not None
    assert claim.history.first().status == ClaimStatus.PUBLISHED


def test_it_records_history_of_edits():
    claim = make_claim(make_article(), "the economy was growing fast")
    claim.headline = "Economy grows"
    claim.save()
    assert [h.headline for h in claim.history.all()] == ["Economy grows", ""]
    assert claim.version == 2
