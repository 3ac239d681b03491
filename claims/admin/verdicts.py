"""Verdicts: the claim page's inline, and the verdicts' own pages.

A published verdict is shown, never edited or deleted; it is corrected by a
new verdict that points at it (`corrects`), which becomes the current one.
"""

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin.forms import VerdictInlineForm
from claims.admin.history import ReviewHistoryAdmin
from claims.admin.versioning import VersionedAdminMixin, VersionedInlineMixin, VersionedModelForm
from claims.models import Verdict, VerdictStatus


def with_current_flag(queryset):
    """Verdicts annotated `current_flag` and ordered current first, then history."""
    later = Verdict.objects.filter(claim=OuterRef("claim"), scale=OuterRef("scale"), id__gt=OuterRef("id"))
    return queryset.annotate(current_flag=~Exists(later)).order_by("-current_flag", "scale", "-id")


def verdict_state(verdict, correct_url=None):
    """Published/draft, current/superseded, what it corrects, and the way to correct it."""
    if verdict.pk is None:
        return ""
    parts = [
        format_html(
            '<span class="fc-vstatus fc-vstatus-{}">{}</span>',
            verdict.status,
            VerdictStatus(verdict.status).label,
        )
    ]
    current = getattr(verdict, "current_flag", None)
    if current is None:
        current = verdict.is_current
    parts.append(
        format_html('<span class="fc-current-flag">{}</span>', gettext("current"))
        if current
        else format_html('<span class="fc-superseded">{}</span>', gettext("superseded"))
    )
    if verdict.corrects_id:
        parts.append(
            format_html(
                '<span class="fc-corrects">{}</span>',
                gettext("corrects #%(id)s") % {"id": verdict.corrects_id},
            )
        )
    if verdict.published_at:
        parts.append(
            format_html('<time class="fc-when">{}</time>', verdict.published_at.strftime("%Y-%m-%d %H:%M"))
        )
    if correct_url and current and verdict.status == VerdictStatus.PUBLISHED:
        parts.append(
            format_html('<a class="fc-correct-link" href="{}">{}</a>', correct_url, gettext("Correct…"))
        )
    return mark_safe(" ".join(parts))


class VerdictFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields and form.instance.pk and form.instance.status == VerdictStatus.PUBLISHED:
            form.fields["DELETE"].disabled = True
            form.fields["DELETE"].widget.attrs["title"] = gettext("A published verdict cannot be deleted.")


class VerdictInline(VersionedInlineMixin, admin.TabularInline):
    model = Verdict
    form = VerdictInlineForm
    formset = VerdictFormSet
    fk_name = "claim"
    extra = 1
    fields = ["rating", "explanation", "state", "author", "opened_version"]
    readonly_fields = ["state", "author"]
    verbose_name = _("verdict")
    verbose_name_plural = _(
        "verdicts — attribution (did they say it?) and content (is it true?); current first"
    )

    def get_queryset(self, request):
        return with_current_flag(super().get_queryset(request).select_related("rating", "author"))

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm("claims.add_verdict"):
            return ["state_with_actions", "author"]
        return self.readonly_fields

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if request.user.has_perm("claims.add_verdict"):
            fields = ["state_with_actions" if f == "state" else f for f in fields]
        return fields

    @admin.display(description=_("state"))
    def state(self, verdict):
        return verdict_state(verdict)

    @admin.display(description=_("state"))
    def state_with_actions(self, verdict):
        url = (
            reverse("admin:claims_claim_correct_verdict", args=[verdict.claim_id, verdict.pk])
            if verdict.pk
            else None
        )
        return verdict_state(verdict, url)


class VerdictForm(VersionedModelForm):
    class Meta:
        model = Verdict
        fields = ["claim", "scale", "rating", "explanation", "corrects"]


@admin.register(Verdict)
class VerdictAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = VerdictForm
    list_display = ["claim", "scale", "rating", "status", "author", "created_at"]
    list_filter = ["scale", "status", "rating"]
    search_fields = ["explanation", "claim__content", "claim__headline"]
    list_select_related = ["claim", "rating", "author"]
    raw_id_fields = ["claim", "corrects"]
    readonly_fields = ["status", "author", "published_at", "created_at", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == VerdictStatus.PUBLISHED:
            return ["claim", "scale", "rating", "explanation", "corrects", *self.readonly_fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == VerdictStatus.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        published = queryset.filter(status=VerdictStatus.PUBLISHED)
        if published.exists():
            self.message_user(
                request,
                gettext("Published verdicts are never deleted; %(count)s were left in place.")
                % {"count": published.count()},
                messages.ERROR,
            )
        super().delete_queryset(request, queryset.exclude(status=VerdictStatus.PUBLISHED))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
