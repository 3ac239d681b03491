"""Evidence: sources, and their links to claims (stance and excerpt)."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from claims.admin.forms import ClaimSourceInlineForm
from claims.admin.history import ReviewHistoryAdmin
from claims.admin.versioning import VersionedAdminMixin, VersionedInlineMixin, VersionedModelForm
from claims.models import ClaimSource, Source


class ClaimSourceInline(VersionedInlineMixin, admin.TabularInline):
    model = ClaimSource
    form = ClaimSourceInlineForm
    fk_name = "claim"
    extra = 1
    fields = ["source", "stance", "excerpt", "note", "added_by", "opened_version"]
    readonly_fields = ["added_by"]
    autocomplete_fields = ["source"]
    verbose_name = _("source")
    verbose_name_plural = _("sources — the evidence, with what it says about the claim")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "added_by")


class SourceForm(VersionedModelForm):
    class Meta:
        model = Source
        fields = ["title", "url", "publisher", "kind", "published_at", "accessed_at", "archive_url"]


@admin.register(Source)
class SourceAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = SourceForm
    list_display = ["title_column", "publisher", "kind", "published_at", "claim_count", "url"]
    list_filter = ["kind"]
    search_fields = ["title", "url", "publisher"]
    search_help_text = _("Search titles, addresses and publishers.")
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def get_queryset(self, request):
        links = ClaimSource.objects.filter(source=OuterRef("pk")).order_by().values("source")
        return (
            super()
            .get_queryset(request)
            .annotate(claim_total=Coalesce(Subquery(links.annotate(n=Count("pk")).values("n")), 0))
        )

    @admin.display(description=_("title"), ordering="title")
    def title_column(self, source):
        return format_html('<span dir="auto">{}</span>', source.title)

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, source):
        return source.claim_total

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ClaimSourceForm(VersionedModelForm):
    class Meta:
        model = ClaimSource
        fields = ["claim", "source", "stance", "excerpt", "note"]


@admin.register(ClaimSource)
class ClaimSourceAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = ClaimSourceForm
    list_display = ["claim", "source", "stance", "added_by", "created_at"]
    list_filter = ["stance"]
    search_fields = ["excerpt", "note", "source__title", "claim__content"]
    list_select_related = ["claim", "source", "added_by"]
    raw_id_fields = ["claim"]
    autocomplete_fields = ["source"]
    readonly_fields = ["added_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
