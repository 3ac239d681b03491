"""Articles: the list and detail shapes, ingestion and re-extraction."""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from rest_framework import serializers

from claims.api import fields
from claims.api.serializers.base import (
    FastRepresentation,
    ImmutableFieldsMixin,
    SpeakerBriefSerializer,
    StrictFieldsMixin,
    UserBriefSerializer,
    iso_date,
    iso_datetime,
    speaker_brief,
    user_brief,
)
from claims.api.validators import no_bidi_controls
from claims.ingest import IngestError, validate_text
from claims.models import (
    Article,
    Claim,
    language_code_validator,
)

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
            "version",
        ]
        read_only_fields = [
            "id",
            "slug",
            "content_hash",
            "claim_count",
            "created_by",
            "created_at",
            "updated_at",
            "version",
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
            "version": article.version,
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
