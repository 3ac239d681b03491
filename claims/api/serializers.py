"""The shapes the API reads and writes. One serializer per shape, explicit fields.

Related rows are written as ids and read as small objects (`NestedId`).
What a client must never write (authors, timestamps, versions, hashes, slugs,
the offsets of extracted claims) is read-only; an unknown field is an error
rather than silently dropped, so a typo such as "asignee" is caught.
"""

from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api import fields
from claims.api.errors import django_validation_errors
from claims.api.fields import StrictModelSerializerMixin
from claims.api.validators import names_without_bidi_controls, no_bidi_controls
from claims.ingest import IngestError, validate_text
from claims.models import (
    Article,
    Claim,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Note,
    Rating,
    Scale,
    Source,
    Speaker,
    Verdict,
    VerdictStatus,
    language_code_validator,
)

User = get_user_model()


class StrictFieldsMixin(StrictModelSerializerMixin):
    """Refuse fields the serializer does not know (read-only ones are accepted and ignored).

    `also_accepts` names the fields of the read shape, so that what a client
    read can be sent back as it is (the read-only parts are ignored).
    """

    also_accepts: tuple = ()

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields) - set(self.also_accepts))
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("There is no such field.")] for name in unknown}, code="unknown_field"
                )
        return super().to_internal_value(data)


class ImmutableFieldsMixin:
    """Fields that may be echoed back unchanged but never changed (`immutable_fields`)."""

    immutable_fields: tuple = ()
    immutable_message = _("This field cannot be changed.")

    def immutable_for(self, instance):
        return self.immutable_fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None and isinstance(self.initial_data, Mapping):
            errors = {}
            for name in self.immutable_for(self.instance):
                if name in self.initial_data:
                    sent = self.initial_data[name]
                    stored = getattr(self.instance, name)
                    if sent != stored:
                        errors[name] = [self.immutable_message]
            if errors:
                raise serializers.ValidationError(errors, code="immutable")
        return attrs


class NestedId(fields.PrimaryKeyRelatedField):
    """Written as an id, read as a small object (schema.py documents both directions)."""

    def __init__(self, serializer, **kwargs):
        self.serializer_class = serializer
        super().__init__(**kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_representation(self, value):
        return self.serializer_class(value, context=self.context).data


def run_model_validation(callable_, *args, **kwargs):
    try:
        return callable_(*args, **kwargs)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(django_validation_errors(exc)) from None


class FastRepresentation:
    """Read shapes on hot paths (every row of a list) build their dict directly.

    DRF renders a ModelSerializer by building and walking field objects, which
    costs more than the queries behind a page. These shapes write the dict
    themselves; `Meta.fields` and the declared fields still define them for
    the schema, and tests/test_api_representations.py checks that the fast
    dict equals DRF's own rendering for every one of them.
    """

    def standard_representation(self, instance):
        return super().to_representation(instance)


_DATETIME = serializers.DateTimeField()


def iso_datetime(value):
    return _DATETIME.to_representation(value) if value is not None else None


def iso_date(value):
    return value.isoformat() if value is not None else None


def user_brief(user):
    if user is None:
        return None
    username = user.get_username()
    return {"id": user.pk, "username": username, "name": user.get_full_name() or username}


def rating_brief(rating):
    if rating is None:
        return None
    return {
        "id": rating.pk,
        "scale": rating.scale,
        "slug": rating.slug,
        "label": rating.display_label,
        "value": rating.value,
        "colour": rating.colour,
    }


def speaker_brief(speaker):
    if speaker is None:
        return None
    return {"id": speaker.pk, "name": speaker.name, "kind": speaker.kind}


def source_brief(source):
    if source is None:
        return None
    return {
        "id": source.pk,
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "kind": source.kind,
        "published_at": iso_date(source.published_at),
    }


# Small shapes -----------------------------------------------------------------


class UserBriefSerializer(FastRepresentation, serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "name"]
        read_only_fields = fields

    def to_representation(self, user):
        return user_brief(user)

    def get_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class RatingBriefSerializer(FastRepresentation, serializers.ModelSerializer):
    label = serializers.CharField(source="display_label", read_only=True)

    class Meta:
        model = Rating
        fields = ["id", "scale", "slug", "label", "value", "colour"]
        read_only_fields = fields

    def to_representation(self, rating):
        return rating_brief(rating)


class SpeakerBriefSerializer(FastRepresentation, serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "kind"]
        read_only_fields = fields

    def to_representation(self, speaker):
        return speaker_brief(speaker)


class SourceBriefSerializer(FastRepresentation, serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "url", "publisher", "kind", "published_at"]
        read_only_fields = fields

    def to_representation(self, source):
        return source_brief(source)


# Ratings ------------------------------------------------------------------------


class RatingSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="display_label", read_only=True)

    class Meta:
        model = Rating
        fields = ["id", "scale", "slug", "label", "value", "colour", "description", "order"]
        read_only_fields = fields


# Speakers -----------------------------------------------------------------------


class SpeakerSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    name = fields.CharField(max_length=300, validators=[no_bidi_controls])
    aliases = serializers.ListField(
        child=fields.CharField(max_length=300, validators=[no_bidi_controls]),
        max_length=100,
        required=False,
        validators=[names_without_bidi_controls],
    )
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Speaker
        fields = ["id", "name", "aliases", "kind", "description", "claim_count", "created_at", "updated_at"]
        read_only_fields = ["id", "claim_count", "created_at", "updated_at"]

    def validate(self, attrs):
        current = self.instance or Speaker()
        probe = Speaker(
            pk=current.pk,
            name=attrs.get("name", current.name),
            aliases=attrs.get("aliases", current.aliases),
            kind=attrs.get("kind", current.kind),
        )
        run_model_validation(probe.clean)
        return attrs


class SpeakerMergeSerializer(StrictFieldsMixin, serializers.Serializer):
    other = fields.PrimaryKeyRelatedField(
        queryset=Speaker.objects.all(),
        help_text=_("The speaker folded into this one: its claims and names move here, and it is deleted."),
    )


# Sources ------------------------------------------------------------------------


class SourceSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    title = fields.CharField(max_length=500, validators=[no_bidi_controls])
    publisher = fields.CharField(
        max_length=200, required=False, allow_blank=True, validators=[no_bidi_controls]
    )
    created_by = UserBriefSerializer(read_only=True, allow_null=True)
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "title",
            "publisher",
            "kind",
            "published_at",
            "accessed_at",
            "archive_url",
            "claim_count",
            "created_by",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["id", "claim_count", "created_by", "created_at", "updated_at", "version"]


# Articles -----------------------------------------------------------------------


class ArticleSerializer(
    FastRepresentation, StrictFieldsMixin, ImmutableFieldsMixin, serializers.ModelSerializer
):
    """An article's metadata, as listed and as edited (the text itself never changes)."""

    title = fields.CharField(max_length=500, validators=[no_bidi_controls])
    publisher = fields.CharField(
        max_length=200, required=False, allow_blank=True, validators=[no_bidi_controls]
    )
    claim_count = serializers.IntegerField(read_only=True)
    created_by = UserBriefSerializer(read_only=True, allow_null=True)
    # Unicode slugs (Arabic titles): not the ASCII pattern a SlugField documents.
    slug = serializers.CharField(read_only=True)
    immutable_fields = ("text",)
    also_accepts = ("claims",)
    immutable_message = _(
        "An article's text never changes after ingestion; ingest the new text as a new article."
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "publisher",
            "published_at",
            "language",
            "content_hash",
            "claim_count",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "slug",
            "content_hash",
            "claim_count",
            "created_by",
            "created_at",
            "updated_at",
        ]

    def to_representation(self, article):
        return {
            "id": article.pk,
            "title": article.title,
            "slug": article.slug,
            "url": article.url,
            "publisher": article.publisher,
            "published_at": iso_date(article.published_at),
            "language": article.language,
            "content_hash": article.content_hash,
            "claim_count": article.claim_count,
            "created_by": user_brief(article.created_by),
            "created_at": iso_datetime(article.created_at),
            "updated_at": iso_datetime(article.updated_at),
        }

    def to_internal_value(self, data):
        # `text` is part of the detail representation: echoing it back
        # unchanged is fine, changing it is refused (ImmutableFieldsMixin).
        if isinstance(data, Mapping) and "text" in data:
            data = {key: value for key, value in data.items() if key != "text"}
        return super().to_internal_value(data)


class ClaimInArticleSerializer(FastRepresentation, serializers.ModelSerializer):
    speaker = SpeakerBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "content",
            "start",
            "end",
            "speaker",
            "speaker_text",
            "speaker_role",
            "cue",
            "kind",
            "headline",
            "status",
            "origin",
            "version",
        ]
        read_only_fields = fields

    def to_representation(self, claim):
        return {
            "id": claim.pk,
            "content": claim.content,
            "start": claim.start,
            "end": claim.end,
            "speaker": speaker_brief(claim.speaker),
            "speaker_text": claim.speaker_text,
            "speaker_role": claim.speaker_role,
            "cue": claim.cue,
            "kind": claim.kind,
            "headline": claim.headline,
            "status": claim.status,
            "origin": claim.origin,
            "version": claim.version,
        }


class ArticleDetailSerializer(ArticleSerializer):
    claims = ClaimInArticleSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields[:7], "text", *ArticleSerializer.Meta.fields[7:], "claims"]
        read_only_fields = [*ArticleSerializer.Meta.read_only_fields, "text", "claims"]

    def to_representation(self, article):
        data = super().to_representation(article)
        claims = ClaimInArticleSerializer(context=self.context)
        return {
            **{key: data[key] for key in self.Meta.fields[:7]},
            "text": article.text,
            **{key: data[key] for key in self.Meta.fields[8:-1]},
            "claims": [claims.to_representation(claim) for claim in article.claims.all()],
        }


class ArticleIngestSerializer(StrictFieldsMixin, serializers.Serializer):
    """What ingestion takes. The text is kept exactly as sent (no trimming)."""

    text = fields.CharField(trim_whitespace=False, help_text=_("The article's text, stored byte for byte."))
    title = fields.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        validators=[no_bidi_controls],
        help_text=_("The first line of the text when omitted."),
    )
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    publisher = fields.CharField(
        max_length=200, required=False, allow_blank=True, validators=[no_bidi_controls]
    )
    published_at = serializers.DateField(required=False, allow_null=True)
    language = fields.CharField(
        max_length=12,
        required=False,
        allow_blank=True,
        validators=[language_code_validator],
        help_text=_("An ISO 639 code such as “ar” or “en”; detected from the text when omitted."),
    )

    def validate_text(self, text):
        try:
            return validate_text(text)
        except IngestError as exc:
            raise serializers.ValidationError(str(exc)) from None


class RemovedClaimSerializer(serializers.Serializer):
    """A claim re-extraction deleted (it is gone: this is what it was)."""

    id = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    content = serializers.CharField()
    speaker_text = serializers.CharField(allow_blank=True)
    cue = serializers.CharField(allow_blank=True)


class ReextractResultSerializer(serializers.Serializer):
    added = ClaimInArticleSerializer(many=True, help_text=_("Claims found now that were not there before."))
    removed = RemovedClaimSerializer(
        many=True, help_text=_("Claims no longer found that nobody had worked on; they are deleted.")
    )
    kept = ClaimInArticleSerializer(
        many=True, help_text=_("Claims with editorial work on them, left exactly as they were.")
    )
    unchanged = ClaimInArticleSerializer(
        many=True, help_text=_("Untouched claims the extractor found again; they keep their ids.")
    )


# Claims -------------------------------------------------------------------------


class CurrentRatingsMixin:
    """attribution_rating / content_rating from the annotations of with_current_ratings().

    The ratings themselves come from `context["ratings"]` ({id: Rating}), read
    once per request, so a list costs the same number of queries at any size.
    """

    def rating_for(self, claim, scale):
        rating_id = getattr(claim, f"current_{scale}_rating_id", None)
        if rating_id is None:
            return None
        return rating_brief(self.context["ratings"].get(rating_id))


class ClaimSerializer(FastRepresentation, CurrentRatingsMixin, serializers.ModelSerializer):
    """A claim in a list: joined with its speaker, assignee and article (without its text)."""

    language = serializers.CharField(
        source="article.language", read_only=True, help_text=_("The article's language.")
    )
    speaker = SpeakerBriefSerializer(read_only=True, allow_null=True)
    assignee = UserBriefSerializer(read_only=True, allow_null=True)
    attribution_rating = serializers.SerializerMethodField()
    content_rating = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "language",
            "speaker",
            "speaker_text",
            "speaker_role",
            "cue",
            "content",
            "kind",
            "start",
            "end",
            "headline",
            "status",
            "assignee",
            "origin",
            "attribution_rating",
            "content_rating",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields

    @extend_schema_field(RatingBriefSerializer(allow_null=True))
    def get_attribution_rating(self, claim):
        return self.rating_for(claim, Scale.ATTRIBUTION.value)

    @extend_schema_field(RatingBriefSerializer(allow_null=True))
    def get_content_rating(self, claim):
        return self.rating_for(claim, Scale.CONTENT.value)

    def to_representation(self, claim):
        return {
            "id": claim.pk,
            "article": claim.article_id,
            "language": claim.article.language,
            "speaker": speaker_brief(claim.speaker),
            "speaker_text": claim.speaker_text,
            "speaker_role": claim.speaker_role,
            "cue": claim.cue,
            "content": claim.content,
            "kind": claim.kind,
            "start": claim.start,
            "end": claim.end,
            "headline": claim.headline,
            "status": claim.status,
            "assignee": user_brief(claim.assignee),
            "origin": claim.origin,
            "attribution_rating": self.get_attribution_rating(claim),
            "content_rating": self.get_content_rating(claim),
            "created_at": iso_datetime(claim.created_at),
            "updated_at": iso_datetime(claim.updated_at),
            "version": claim.version,
        }


class VerdictSerializer(FastRepresentation, serializers.ModelSerializer):
    rating = RatingBriefSerializer(read_only=True)
    author = UserBriefSerializer(read_only=True, allow_null=True)
    is_current = serializers.SerializerMethodField()

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "scale",
            "rating",
            "explanation",
            "status",
            "author",
            "published_at",
            "corrects",
            "is_current",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields

    def get_is_current(self, verdict) -> bool:
        current = self.context.get("current_verdict_ids")
        if current is None:
            return verdict.is_current
        return verdict.pk in current

    def to_representation(self, verdict):
        return {
            "id": verdict.pk,
            "claim": verdict.claim_id,
            "scale": verdict.scale,
            "rating": rating_brief(verdict.rating),
            "explanation": verdict.explanation,
            "status": verdict.status,
            "author": user_brief(verdict.author),
            "published_at": iso_datetime(verdict.published_at),
            "corrects": verdict.corrects_id,
            "is_current": self.get_is_current(verdict),
            "created_at": iso_datetime(verdict.created_at),
            "updated_at": iso_datetime(verdict.updated_at),
            "version": verdict.version,
        }


class ClaimSourceSerializer(FastRepresentation, StrictFieldsMixin, serializers.ModelSerializer):
    """A source linked to a claim, with the stance it takes."""

    source = NestedId(SourceBriefSerializer, queryset=Source.objects.all())
    added_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ClaimSource
        fields = [
            "id",
            "claim",
            "source",
            "stance",
            "excerpt",
            "note",
            "added_by",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["id", "claim", "added_by", "created_at", "updated_at", "version"]

    def to_representation(self, link):
        return {
            "id": link.pk,
            "claim": link.claim_id,
            "source": source_brief(link.source),
            "stance": link.stance,
            "excerpt": link.excerpt,
            "note": link.note,
            "added_by": user_brief(link.added_by),
            "created_at": iso_datetime(link.created_at),
            "updated_at": iso_datetime(link.updated_at),
            "version": link.version,
        }

    def validate_source(self, source):
        if self.instance is not None and source.pk != self.instance.source_id:
            raise serializers.ValidationError(_("Unlink this source and link the other one instead."))
        claim = self.context.get("claim")
        already = self.instance is None and claim is not None
        if already and ClaimSource.objects.filter(claim=claim, source=source).exists():
            raise serializers.ValidationError(_("This source is already linked to the claim."))
        return source


class CurrentVerdictsSerializer(serializers.Serializer):
    """The latest verdict on each scale (null when there is none yet)."""

    attribution = VerdictSerializer(allow_null=True)
    content = VerdictSerializer(allow_null=True)


class ClaimDetailSerializer(ClaimSerializer):
    """A claim with its speaker, current verdicts, sources and number of notes."""

    article_title = serializers.CharField(source="article.title", read_only=True)
    created_by = UserBriefSerializer(read_only=True, allow_null=True)
    current_verdicts = serializers.SerializerMethodField()
    sources = ClaimSourceSerializer(source="claim_sources", many=True, read_only=True)
    notes_count = serializers.IntegerField(read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields[:2],
            "article_title",
            *ClaimSerializer.Meta.fields[2:],
            "sentence",
            "confidence",
            "created_by",
            "current_verdicts",
            "sources",
            "notes_count",
        ]
        read_only_fields = fields

    def current(self, claim):
        verdicts = getattr(claim, "current_verdict_list", None)
        if verdicts is None:
            verdicts = list(claim.verdicts.current().select_related("rating", "author"))
        return {verdict.scale: verdict for verdict in verdicts}

    def rating_for(self, claim, scale):
        verdict = self.current(claim).get(scale)
        return rating_brief(verdict.rating) if verdict else None

    @extend_schema_field(CurrentVerdictsSerializer)
    def get_current_verdicts(self, claim):
        current = self.current(claim)
        verdicts = VerdictSerializer(
            context={**self.context, "current_verdict_ids": {v.pk for v in current.values()}}
        )
        return {
            scale.value: verdicts.to_representation(current[scale.value]) if scale.value in current else None
            for scale in Scale
        }

    def to_representation(self, claim):
        data = super().to_representation(claim)
        links = ClaimSourceSerializer(context=self.context)
        return {
            "id": data.pop("id"),
            "article": data.pop("article"),
            "article_title": claim.article.title,
            **data,
            "sentence": claim.sentence,
            "confidence": claim.confidence,
            "created_by": user_brief(claim.created_by),
            "current_verdicts": self.get_current_verdicts(claim),
            "sources": [links.to_representation(link) for link in claim.claim_sources.all()],
            "notes_count": claim.notes_count,
        }


class ClaimWriteSerializer(StrictFieldsMixin, ImmutableFieldsMixin, serializers.ModelSerializer):
    """Creating a claim by hand, and editing a claim's editorial fields.

    A new claim names its span by `start` and `end` (characters of the
    article's text); `content` may be omitted, and when given must be exactly
    that span. The offsets of extracted claims are the extraction's record
    of where the claim is, and cannot be changed.
    """

    speaker = NestedId(
        SpeakerBriefSerializer, queryset=Speaker.objects.all(), required=False, allow_null=True
    )
    assignee = NestedId(
        UserBriefSerializer, queryset=User.objects.filter(is_active=True), required=False, allow_null=True
    )
    speaker_role = fields.CharField(
        max_length=300, required=False, allow_blank=True, validators=[no_bidi_controls]
    )
    content = fields.CharField(required=False, trim_whitespace=False)
    status = serializers.ChoiceField(choices=ClaimStatus.choices, required=False)
    immutable_message = _("The offsets of an extracted claim cannot be changed.")
    also_accepts = tuple(ClaimDetailSerializer.Meta.fields)

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "start",
            "end",
            "content",
            "speaker",
            "speaker_text",
            "speaker_role",
            "cue",
            "kind",
            "headline",
            "status",
            "assignee",
            "origin",
            "version",
        ]
        read_only_fields = ["id", "origin", "version"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields["article"].read_only = True
            if self.instance.origin == ClaimOrigin.EXTRACTED:
                for name in ("start", "end", "content"):
                    fields[name].read_only = True
        return fields

    def immutable_for(self, instance):
        extracted = instance.origin == ClaimOrigin.EXTRACTED
        return ("start", "end", "content") if extracted else ()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        moved = self.instance is not None and "article" in self.initial_data
        if moved and str(self.initial_data["article"]) != str(self.instance.article_id):
            raise serializers.ValidationError({"article": [_("A claim cannot move to another article.")]})
        if self.instance is None and ("start" not in attrs or "end" not in attrs):
            raise serializers.ValidationError(
                {name: [_("This field is required.")] for name in ("start", "end") if name not in attrs}
            )
        if {"start", "end", "content"} & set(attrs):
            self.validate_span(attrs)
        return attrs

    def validate_span(self, attrs):
        article = attrs.get("article") or self.instance.article
        start = attrs.get("start", getattr(self.instance, "start", None))
        end = attrs.get("end", getattr(self.instance, "end", None))
        text = article.text
        if not (0 <= start < end <= len(text)):
            raise serializers.ValidationError(
                {
                    "end": [
                        _("The offsets %(start)s–%(end)s are not a span of the article (0–%(length)s).")
                        % {"start": start, "end": end, "length": len(text)}
                    ]
                }
            )
        span = text[start:end]
        if "content" not in attrs:
            attrs["content"] = span
        elif attrs["content"] != span:
            raise serializers.ValidationError(
                {
                    "content": [
                        _("The content must be exactly the article's text between the offsets: “%(span)s”.")
                        % {"span": span[:200]}
                    ]
                }
            )
        if not span.strip():
            raise serializers.ValidationError({"content": [_("A claim cannot be only whitespace.")]})


# Verdicts -----------------------------------------------------------------------


class VerdictWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """A verdict is written with the slug of its rating on its scale."""

    rating = serializers.SlugField(
        max_length=50, help_text=_("The slug of a rating on the verdict's scale (see ratings/).")
    )
    status = serializers.ChoiceField(choices=VerdictStatus.choices, required=False)
    also_accepts = tuple(VerdictSerializer.Meta.fields)

    class Meta:
        model = Verdict
        fields = ["id", "scale", "rating", "explanation", "status", "corrects", "version"]
        read_only_fields = ["id", "version"]
        extra_kwargs = {"corrects": {"required": False, "allow_null": True}}

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields["scale"].read_only = True
            fields["corrects"].read_only = True
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        scale = attrs.get("scale") or getattr(self.instance, "scale", None)
        if "rating" in attrs:
            rating = Rating.objects.filter(scale=scale, slug=attrs["rating"]).first()
            if rating is None:
                choices = ", ".join(Rating.objects.filter(scale=scale).values_list("slug", flat=True))
                raise serializers.ValidationError(
                    {
                        "rating": [
                            _(
                                "There is no rating “%(slug)s” on the %(scale)s scale; use one of: %(choices)s."
                            )
                            % {"slug": attrs["rating"], "scale": scale, "choices": choices}
                        ]
                    },
                    code="unknown_rating",
                )
            attrs["rating"] = rating
        corrects = attrs.get("corrects")
        claim = self.context.get("claim")
        elsewhere = corrects is not None and claim is not None
        if elsewhere and (corrects.claim_id != claim.pk or corrects.scale != scale):
            raise serializers.ValidationError(
                {"corrects": [_("A correction must be of the same claim and scale.")]}
            )
        return attrs


# Notes --------------------------------------------------------------------------


class NoteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    author = UserBriefSerializer(read_only=True, allow_null=True)
    can_edit = serializers.SerializerMethodField()

    class Meta:
        model = Note
        fields = ["id", "claim", "body", "author", "can_edit", "created_at", "updated_at", "version"]
        read_only_fields = ["id", "claim", "author", "can_edit", "created_at", "updated_at", "version"]

    def get_can_edit(self, note) -> bool:
        request = self.context.get("request")
        return bool(request and note.can_edit(request.user))


# The signed-in user ---------------------------------------------------------------


class MeSerializer(serializers.ModelSerializer):
    groups = serializers.SerializerMethodField()
    permissions = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_superuser",
            "groups",
            "permissions",
        ]
        read_only_fields = fields

    def get_groups(self, user) -> list[str]:
        return sorted(user.groups.values_list("name", flat=True))

    def get_permissions(self, user) -> list[str]:
        return sorted(user.get_all_permissions())


class HealthSerializer(serializers.Serializer):
    status = serializers.CharField()
