"""The two rating scales, which a newsroom may adjust."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from claims.models import Rating


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label_column", "scale", "value", "colour_column", "order"]
    list_filter = ["scale"]
    list_editable = ["order"]
    search_fields = ["label", "slug", "description"]
    prepopulated_fields = {"slug": ["label"]}

    @admin.display(description=_("label"), ordering="label")
    def label_column(self, rating):
        return rating.display_label

    @admin.display(description=_("colour"), ordering="colour")
    def colour_column(self, rating):
        return format_html(
            '<span class="fc-pill fc-scale-content" style="--fc-c: {}">{}</span> <code>{}</code>',
            rating.colour,
            rating.display_label,
            rating.colour,
        )
