"""History pages that a fact-checker can read: what changed, who, and when.

django-simple-history records every save; these helpers turn consecutive
records into readable changes (choice labels instead of codes, a word-level
diff for prose, bookkeeping fields left out) and gather the history of a
claim's verdicts, sources and notes onto the claim's own History page.

History is read-only here: reverting a row from an old record would bypass
the workflow (status rules, locked published verdicts, version checks).
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

# Bookkeeping that changes on every save and says nothing to a reader.
NOISE_FIELDS = {"version", "updated_at", "created_at", "key", "search_keys", "content_hash"}
# Prose: shown as a word-level diff rather than "old → new".
PROSE_FIELDS = {"content", "headline", "explanation", "body", "excerpt", "note", "description", "title"}
EMPTY = "—"
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    """HTML with removed words in <del> and added words in <ins>, everything escaped."""
    old_tokens, new_tokens = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_tokens[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", "".join(old_tokens[a1:a2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", "".join(new_tokens[b1:b2])))
    return mark_safe("".join(parts))


class ReadableChanges(HistoricalRecordContextHelper):
    """simple-history's change formatting, with labels a newsroom reads."""

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            if change.field in NOISE_FIELDS:
                continue
            field = self.model._meta.get_field(change.field)
            entry = {"field": capfirst(field.verbose_name), "old": "", "new": "", "diff": None}
            if change.field in PROSE_FIELDS and isinstance(field, (models.CharField, models.TextField)):
                entry["diff"] = word_diff(change.old, change.new)
            else:
                entry["old"] = self.show(field, change.old)
                entry["new"] = self.show(field, change.new)
            changes.append(entry)
        return changes

    @staticmethod
    def show(field, value):
        if value in (None, ""):
            return EMPTY
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, list):
            return ", ".join(map(str, value)) or EMPTY
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return str(value)


class ReviewHistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/claims/object_history.html"
    object_history_list_template = "admin/claims/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves the old record on POST whatever revert_disabled
        # says; here an old version can only be looked at.
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def related_history(self, request, obj):
        """History of rows that belong to `obj` and are shown on its page."""
        return []

    def history_view(self, request, object_id, extra_context=None):
        extra_context = dict(extra_context or {})
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_view_or_change_permission(request, obj):
            extra_context["related_history"] = self.related_history(request, obj)
        return super().history_view(request, object_id, extra_context)


@dataclass
class RelatedChange:
    model: str
    label: str
    url: str
    date: datetime
    kind: str
    user: object
    reason: str
    changes: list


def timeline(request, history_querysets, limit=200):
    """The newest `limit` records of several history tables, with their changes.

    Each queryset is of one history model; a record's changes are computed
    against the previous record of the same object, so one extra query per
    object fetches its previous record only when it is outside the page.
    """
    entries = []
    for queryset in history_querysets:
        records = list(
            queryset._select_related_history_tracked_objs()
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:limit]
        )
        model = queryset.model.instance_type
        by_object = {}
        for record in records:
            by_object.setdefault(record.id, []).append(record)
        for object_records in by_object.values():
            for index, record in enumerate(object_records):
                previous = object_records[index + 1] if index + 1 < len(object_records) else None
                if previous is None and record.history_type == "~":
                    previous = record.prev_record
                changes = []
                if previous is not None and record.history_type == "~":
                    delta = record.diff_against(previous, foreign_keys_are_objs=True)
                    changes = ReadableChanges(model, record).context_for_delta_changes(delta)
                entries.append(
                    RelatedChange(
                        model=capfirst(model._meta.verbose_name),
                        label=_label(model, record),
                        url=_admin_url(model, record.id),
                        date=record.history_date,
                        kind=record.get_history_type_display(),
                        user=record.history_user,
                        reason=record.history_change_reason or "",
                        changes=changes,
                    )
                )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries[:limit]


def _label(model, record):
    """str() of the recorded row, using the related rows fetched with the record."""
    instance = record.instance
    for field in model._meta.concrete_fields:
        if field.is_relation and field.is_cached(record):
            field.set_cached_value(instance, field.get_cached_value(record))
    return str(instance)


def _admin_url(model, pk):
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[pk])
    except NoReverseMatch:
        return ""
