"""Speakers: one row per real source across articles, with aliases."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from claims.admin.forms import MergeSpeakersForm, SpeakerForm
from claims.admin.history import ReviewHistoryAdmin
from claims.admin.versioning import VersionedAdminMixin
from claims.models import Claim, Speaker


@admin.action(description=_("Merge the selected speakers…"), permissions=["merge"])
def merge_speakers(modeladmin, request, queryset):
    speakers = queryset.order_by("name")
    if speakers.count() < 2:
        messages.warning(request, gettext("Select at least two speakers to merge."))
        return None
    form = MergeSpeakersForm(request.POST if "apply" in request.POST else None, speakers=speakers)
    if "apply" in request.POST and form.is_valid():
        into = form.cleaned_data["into"]
        others = [s for s in speakers if s.pk != into.pk]
        try:
            for other in others:
                into.merge(other, by=request.user)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return None
        modeladmin.log_change(
            request,
            into,
            ngettext(
                "Merged %(count)s speaker into this one.",
                "Merged %(count)s speakers into this one.",
                len(others),
            )
            % {"count": len(others)},
        )
        messages.success(
            request,
            gettext("Merged into “%(name)s”: %(names)s.")
            % {"name": into, "names": ", ".join(str(s) for s in others)},
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": gettext("Merge speakers"),
        "opts": modeladmin.model._meta,
        "form": form,
        "speakers": speakers,
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/claims/speaker/merge.html", context)


@admin.register(Speaker)
class SpeakerAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = SpeakerForm
    list_display = ["name_column", "kind", "aliases_column", "claim_count", "created_at"]
    list_filter = ["kind"]
    # The autocomplete on the claim page searches these (search_keys holds
    # every normalised name and alias).
    search_fields = ["name", "search_keys", "description"]
    search_help_text = _("Search names, aliases and descriptions.")
    actions = [merge_speakers]
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request):
        claims = Claim.objects.filter(speaker=OuterRef("pk")).order_by().values("speaker")
        return (
            super()
            .get_queryset(request)
            .annotate(claim_total=Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0))
        )

    def has_merge_permission(self, request):
        return request.user.has_perm("claims.merge_speakers")

    @admin.display(description=_("name"), ordering="name")
    def name_column(self, speaker):
        return format_html("<bdi>{}</bdi>", speaker.name)

    @admin.display(description=_("aliases"))
    def aliases_column(self, speaker):
        return format_html(
            '<span dir="auto">{}</span>', " · ".join(speaker.aliases) if speaker.aliases else "—"
        )

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, speaker):
        return speaker.claim_total
