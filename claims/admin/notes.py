"""Internal notes on a claim. The author is whoever writes the note, and only
they can change or delete it (`Note.can_edit`)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin.forms import NoteInlineForm
from claims.admin.history import ReviewHistoryAdmin
from claims.admin.versioning import VersionedAdminMixin, VersionedInlineMixin, VersionedModelForm
from claims.models import Note


class NoteFormSet(BaseInlineFormSet):
    request = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        note = form.instance
        if "DELETE" in form.fields and note.pk and not note.can_edit(self.request.user):
            form.fields["DELETE"].disabled = True
            form.fields["DELETE"].widget.attrs["title"] = gettext("Only the author can delete a note.")


class NoteInline(VersionedInlineMixin, admin.TabularInline):
    model = Note
    form = NoteInlineForm
    formset = NoteFormSet
    fk_name = "claim"
    extra = 1
    fields = ["body", "author", "created_at", "opened_version"]
    readonly_fields = ["author", "created_at"]
    verbose_name = _("note")
    verbose_name_plural = _("notes — internal, never published; only their author can change them")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author").order_by("created_at", "id")

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = type("NoteInlineForm", (NoteInlineForm,), {"request": request})
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset


class NoteForm(VersionedModelForm):
    class Meta:
        model = Note
        fields = ["claim", "body"]


@admin.register(Note)
class NoteAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = NoteForm
    list_display = ["__str__", "claim", "author", "created_at"]
    search_fields = ["body"]
    list_select_related = ["claim", "author"]
    raw_id_fields = ["claim"]
    readonly_fields = ["author", "created_at", "updated_at"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.can_edit(request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.can_edit(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if any(not note.can_edit(request.user) for note in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
