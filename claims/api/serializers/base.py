"""What every shape shares: strict fields, immutable fields, nested ids, fast
representations, and the small shapes of related rows."""

from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers

from claims.api import fields
from claims.api.errors import django_validation_errors
from claims.api.fields import StrictModelSerializerMixin
from claims.models import (
    Rating,
    Source,
    Speaker,
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
