"""Reading the records of a report for import: typed values, and errors that
name the item at fault."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ReportImportError(ValueError):
    """The report cannot be imported; the message names the item at fault."""


# --- reading one record ---------------------------------------------------------


def fail(where, problem):
    raise ReportImportError(gettext("%(item)s: %(problem)s") % {"item": where, "problem": problem})


class Record:
    """One JSON object of the report, read field by field with its name in every message."""

    def __init__(self, value, where):
        if not isinstance(value, dict):
            fail(where, gettext("expected an object, found %(type)s") % {"type": type_name(value)})
        self.value = value
        self.where = where

    def get(self, key, kind, null=False, default=...):
        if key not in self.value:
            if default is not ...:
                return default
            fail(self.where, gettext("the field “%(key)s” is missing") % {"key": key})
        value = self.value[key]
        if value is None and null:
            return None
        valid = {
            "str": lambda v: isinstance(v, str),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "list": lambda v: isinstance(v, list),
        }[kind](value)
        if not valid:
            fail(
                self.where,
                gettext("the field “%(key)s” should be %(kind)s, not %(value)s")
                % {"key": key, "kind": _KIND_NAMES[kind], "value": type_name(value)},
            )
        return value

    def text(self, key, null=False, default=...):
        return self.get(key, "str", null, default)

    def id(self, key="id", null=False):
        value = self.get(key, "int", null)
        if value is not None and value < 1:
            fail(self.where, gettext("the field “%(key)s” should be a positive id") % {"key": key})
        return value

    def count(self, key, default=..., null=False):
        value = self.get(key, "int", null, default)
        if value is not None and value < 0:
            fail(self.where, gettext("the field “%(key)s” cannot be negative") % {"key": key})
        return value

    def choice(self, key, choices, default=...):
        value = self.text(key, default=default)
        if value not in choices.values:
            fail(
                self.where,
                gettext("“%(value)s” is not a known %(key)s (one of %(choices)s)")
                % {"value": value, "key": key, "choices": ", ".join(choices.values)},
            )
        return value

    def moment(self, key, null=False):
        value = self.text(key, null)
        if value is None:
            return None
        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is None:
            fail(self.where, gettext("“%(value)s” is not a date and time") % {"value": value})
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed

    def day(self, key):
        value = self.text(key, null=True)
        if value is None:
            return None
        try:
            parsed = parse_date(value)
        except ValueError:
            parsed = None
        if parsed is None:
            fail(self.where, gettext("“%(value)s” is not a date") % {"value": value})
        return parsed

    def user(self, key, users):
        username = self.text(key, null=True)
        if username is None:
            return None
        if not username:
            fail(self.where, gettext("the field “%(key)s” has an empty user name") % {"key": key})
        users.add(username)
        return username

    def items(self, key, where):
        return [Record(item, where(item)) for item in self.get(key, "list")]


_KIND_NAMES = {"str": _("a string"), "int": _("an integer"), "number": _("a number"), "list": _("a list")}


def type_name(value):
    return {
        dict: _("an object"),
        list: _("a list"),
        str: _("a string"),
        bool: _("a boolean"),
        int: _("an integer"),
        float: _("a number"),
        type(None): "null",
    }.get(type(value), type(value).__name__)


def label(kind, item):
    """ "claim 12", or "claim (without an id)" when the item has none."""
    if isinstance(item, dict) and isinstance(item.get("id"), int):
        return f"{kind} {item['id']}"
    return f"{kind} (without an id)"


def fit(instance, where):
    """What the columns and validators would refuse, refused with the item's name."""
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if not isinstance(value, str):
            continue
        if isinstance(model_field, models.CharField) and len(value) > model_field.max_length:
            fail(
                where,
                gettext("the field “%(key)s” is longer than %(max)s characters")
                % {"key": model_field.name, "max": model_field.max_length},
            )
        if model_field.name in ("language", "colour"):
            try:
                model_field.run_validators(value)
            except ValidationError as exc:
                fail(where, "; ".join(exc.messages))
