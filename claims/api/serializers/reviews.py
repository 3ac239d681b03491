"""Writing verdicts and notes."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from claims.api.serializers.base import StrictFieldsMixin, UserBriefSerializer
from claims.api.serializers.claims import VerdictSerializer
from claims.models import (
    Note,
    Rating,
    Verdict,
    VerdictStatus,
)

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
