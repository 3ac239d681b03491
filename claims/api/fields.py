"""Serializer fields that take JSON types at their word.

DRF is lenient by default: it turns the number 0 into the text "0", the text
"12" into the number 12 and "yes" into true. A client that sends the wrong
type has a bug it should hear about, and the schema promises the types, so
these fields refuse anything but the documented JSON type (400).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class CharField(serializers.CharField):
    default_error_messages = {"invalid": _("Send text as a JSON string.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class IntegerField(serializers.IntegerField):
    default_error_messages = {"invalid": _("Send a whole number as a JSON number.")}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class BooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": _("Send true or false.")}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class FloatField(serializers.FloatField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class PrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"incorrect_type": _("Send the id as a JSON number.")}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class StrictModelSerializerMixin:
    """ModelSerializer fields built from the model use the strict types above."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: CharField,
        models.TextField: CharField,
        models.IntegerField: IntegerField,
        models.PositiveIntegerField: IntegerField,
        models.PositiveSmallIntegerField: IntegerField,
        models.SmallIntegerField: IntegerField,
        models.BigIntegerField: IntegerField,
        models.BooleanField: BooleanField,
        models.FloatField: FloatField,
    }
    serializer_related_field = PrimaryKeyRelatedField
