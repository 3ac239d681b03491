"""Checks on short names that a reader takes at face value.

Bidirectional embedding, override and isolate controls (U+202A–U+202E,
U+2066–U+2069) can make a name display as something else ("Trojan Source"
spoofing), so names, titles and publishers refuse them. Arabic body text is
not checked: it is stored exactly as ingested. The marks U+200E/U+200F and
U+061C, which Arabic text legitimately uses, are allowed everywhere.
"""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def no_bidi_controls(value):
    if isinstance(value, str):
        match = BIDI_CONTROLS.search(value)
        if match:
            raise ValidationError(
                _(
                    "Remove the invisible direction control U+%(code)04X at position %(position)d: "
                    "it can make a name display as something else."
                )
                % {"code": ord(match.group()), "position": match.start()}
            )
    return value


def names_without_bidi_controls(values):
    for value in values or []:
        no_bidi_controls(value)
    return values
