"""Two editors never silently overwrite each other.

Every change form of a versioned row (claims, verdicts, sources, notes and
their links) carries the version it was opened at in a hidden field. Saving
compares it with the row's current version: a form error names who changed
the row meanwhile, and nothing is written. The final save goes through
`save_if_current`, so a save that races past the form check still loses
cleanly (the whole admin transaction rolls back and the form is shown again,
now with the error).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from claims.models import StaleVersion, VersionedModel

# The hidden form field with the version the row had when the page was opened.
VERSION_FIELD = "opened_version"


def user_label(user):
    return (user.get_full_name() or user.get_username()) if user is not None else None


def conflict_message(stale):
    """The form error for a StaleVersion: who changed what, and what to do."""
    params = {
        "model": stale.instance._meta.verbose_name,
        "expected": stale.expected,
        "current": stale.current,
        "user": user_label(stale.changed_by()),
    }
    if stale.current is None:
        return gettext("This %(model)s was deleted after you opened it. Nothing was saved.") % params
    if params["user"]:
        message = gettext(
            "“%(user)s” changed this %(model)s after you opened it (you opened version %(expected)s; "
            "it is now at version %(current)s)."
        )
    else:
        message = gettext(
            "Someone else changed this %(model)s after you opened it (you opened version "
            "%(expected)s; it is now at version %(current)s)."
        )
    return (
        (message % params)
        + " "
        + gettext("Nothing was saved. Reload the page to see their changes, then make yours again.")
    )


def is_versioned(model):
    return issubclass(model, VersionedModel)


class VersionedFormMixin:
    """Adds the hidden `version` field and refuses a stale save in clean()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and VERSION_FIELD in self.fields:
            self.fields[VERSION_FIELD].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk is None
            or VERSION_FIELD not in self.fields
            or self.fields[VERSION_FIELD].disabled
        ):
            return cleaned
        expected = cleaned.get(VERSION_FIELD)
        if expected is None:
            raise ValidationError(
                gettext("The form is missing the version it was opened at; reload the page.")
            )
        current = (
            type(self.instance)
            ._base_manager.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current != expected:
            raise ValidationError(conflict_message(StaleVersion(self.instance, expected)), code="stale")
        return cleaned


class VersionedModelForm(VersionedFormMixin, forms.ModelForm):
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class VersionedAdminMixin:
    """For a ModelAdmin of a versioned model, and its versioned inlines.

    The row and its inlines are one page: when anything on it changed, the row's
    version moves on (so whoever opened the page before sees a conflict, for
    instance an editor about to publish a claim whose verdict was just changed);
    when nothing changed nothing is written, not even a history row.
    """

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is None or not self.has_change_permission(request, obj):
            fields = [f for f in fields if f != VERSION_FIELD]
        return fields

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            # Another save won between our form check and our write; the admin's
            # transaction rolled everything back. Running the view again finds
            # the new version in clean() and shows the conflict as a form error.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        # A change is written in save_related(), once it is known whether the
        # inlines changed too.

    def save_related(self, request, form, formsets, change):
        if change:
            touched = form.has_changed() or any(formset.has_changed() for formset in formsets)
            if not touched:
                for formset in formsets:  # the admin's change message reads these
                    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
                return
            obj = form.instance
            obj._history_user = request.user
            obj.save_if_current(form.cleaned_data[VERSION_FIELD])
        form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        if not is_versioned(formset.model):
            return super().save_formset(request, form, formset, change)
        versions = {
            id(f.instance): f.cleaned_data.get(VERSION_FIELD)
            for f in formset.initial_forms
            if hasattr(f, "cleaned_data")
        }
        # commit=False fills new_objects / changed_objects / deleted_objects,
        # which the admin's change message reads; the writes happen below.
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj, _changed in formset.changed_objects:
            self.before_inline_save(request, obj, created=False)
            expected = versions.get(id(obj))
            if expected is None:
                obj.save()
            else:
                obj.save_if_current(expected)
        for obj in formset.new_objects:
            self.before_inline_save(request, obj, created=True)
            obj.save()

    def before_inline_save(self, request, obj, created):
        """Stamp authorship on inline rows (author, added_by) before they are written."""


class VersionedInlineMixin:
    """An inline of a versioned model: its rows carry their version too."""

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if not self.has_change_permission(request, obj):
            fields = [f for f in fields if f != VERSION_FIELD]
        return fields
