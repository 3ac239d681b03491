"""The newsroom's shared catalogue: rating scales, speakers and sources."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from claims.api import fields
from claims.api.serializers.base import StrictFieldsMixin, UserBriefSerializer, run_model_validation
from claims.api.validators import names_without_bidi_controls, no_bidi_controls
from claims.models import (
    Rating,
    Source,
    Speaker,
)

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
        fields = [
            "id",
            "name",
            "aliases",
            "kind",
            "description",
            "claim_count",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["id", "claim_count", "created_at", "updated_at", "version"]

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
