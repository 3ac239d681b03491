"""Claims, with their current verdicts and evidence, and the shape editors write."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api import fields
from claims.api.serializers.base import (
    FastRepresentation,
    ImmutableFieldsMixin,
    NestedId,
    RatingBriefSerializer,
    SourceBriefSerializer,
    SpeakerBriefSerializer,
    StrictFieldsMixin,
    User,
    UserBriefSerializer,
    iso_datetime,
    rating_brief,
    source_brief,
    speaker_brief,
    user_brief,
)
from claims.api.validators import no_bidi_controls
from claims.models import (
    Claim,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Scale,
    Source,
    Speaker,
    Verdict,
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
