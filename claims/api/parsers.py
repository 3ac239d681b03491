"""The API's only request format: JSON, strictly.

Python's json module accepts things no client should send and the database
cannot store: NaN and Infinity, lone surrogates written as "\\ud800" escapes,
NUL characters, and nesting deep enough to exhaust the stack. Each is refused
here with a 400 and the place it was found, before any view sees the data.
"""

import json

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser
from rest_framework.renderers import JSONRenderer

# No request of this API nests deeper than three levels; 32 leaves room
# for clients that wrap payloads, and stops stack-exhausting bodies early.
MAX_DEPTH = 32


def _refuse_constant(name):
    raise ValueError(_("%(name)s is not valid JSON.") % {"name": name})


def string_problem(value):
    """Why a string cannot be stored (NUL or lone surrogate), or None."""
    if "\x00" in value:
        return _("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return _("contains an unpaired surrogate (U+%(code)04X), which is not valid Unicode") % {
            "code": ord(value[exc.start])
        }
    return None


def check_value(value, path="", depth=0):
    """Raise ParseError for the first unstorable string or too-deep nesting in `value`."""
    if depth > MAX_DEPTH:
        raise ParseError(_("The JSON is nested more than %(depth)d levels deep.") % {"depth": MAX_DEPTH})
    if isinstance(value, str):
        problem = string_problem(value)
        if problem:
            where = path or _("the body")
            raise ParseError(_("The value at %(where)s %(problem)s.") % {"where": where, "problem": problem})
    elif isinstance(value, dict):
        for key, item in value.items():
            problem = string_problem(key)
            if problem:
                raise ParseError(_("A key in the JSON %(problem)s.") % {"problem": problem})
            check_value(item, f"{path}.{key}" if path else key, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_value(item, f"{path}[{index}]", depth + 1)


class StrictJSONParser(BaseParser):
    media_type = "application/json"
    renderer_class = JSONRenderer

    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(
                _("The body is not valid UTF-8 (byte %(position)d).") % {"position": exc.start}
            ) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except RecursionError:
            raise ParseError(
                _("The JSON is nested more than %(depth)d levels deep.") % {"depth": MAX_DEPTH}
            ) from None
        except ValueError as exc:
            raise ParseError(_("The body is not valid JSON: %(error)s") % {"error": exc}) from None
        check_value(data)
        return data
