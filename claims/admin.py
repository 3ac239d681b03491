from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from claims.ingest import IngestError, default_title, detect_language, save_new_article, validate_text
from claims.models import Article, Claim, ClaimSource, Note, Rating, Source, Speaker, Verdict
from claims.normalise import content_hash

admin.site.site_header = _("Fact-checking workbench")
admin.site.site_title = _("Fact-checking workbench")
admin.site.index_title = _("Review desk")


class ArticleAddForm(forms.ModelForm):
    """New articles go through ingestion's checks: valid text, never a duplicate."""

    class Meta:
        model = Article
        fields = ["title", "url", "publisher", "published_at", "language", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False
        self.fields["language"].help_text = _("Detected from the text when left empty.")
        self.fields["title"].required = False
        self.fields["text"].strip = False

    def clean_text(self):
        try:
            text = validate_text(self.cleaned_data["text"])
        except IngestError as exc:
            raise ValidationError(str(exc)) from None
        duplicate = Article.objects.filter(content_hash=content_hash(text)).first()
        if duplicate:
            raise ValidationError(_("This text is already stored as “%(title)s”.") % {"title": duplicate})
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text"):
            cleaned["language"] = cleaned.get("language") or detect_language(cleaned["text"])
            cleaned["title"] = cleaned.get("title") or default_title(cleaned["text"])
            self.instance.language = cleaned["language"]
            self.instance.title = cleaned["title"]
        return cleaned


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "language", "published_at", "created_at"]
    list_filter = ["language", "publisher", "published_at"]
    search_fields = ["title", "url", "publisher"]
    date_hierarchy = "created_at"
    readonly_fields = ["slug", "content_hash", "created_by", "created_at", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        # The text is fixed at ingestion; only new articles take one.
        return [*self.readonly_fields, "text"] if obj else self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        obj.created_by = request.user
        result = save_new_article(obj)
        if not result.created:  # lost a race with an identical ingestion
            obj.pk = result.article.pk


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "search_keys", "description"]


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "speaker", "cue", "kind", "status", "assignee", "article"]
    list_filter = ["status", "kind", "origin", "article__language"]
    search_fields = ["content", "headline", "speaker_text", "speaker__name"]
    list_select_related = ["speaker", "assignee", "article"]
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["article"]
    readonly_fields = ["version", "created_by", "created_at", "updated_at"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "scale", "value", "colour", "order"]
    list_filter = ["scale"]
    search_fields = ["label", "slug", "description"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "scale", "rating", "status", "author", "created_at"]
    list_filter = ["scale", "status", "rating"]
    search_fields = ["explanation", "claim__content", "claim__headline"]
    list_select_related = ["claim", "rating", "author"]
    raw_id_fields = ["claim", "corrects"]
    readonly_fields = ["published_at", "created_at", "updated_at"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "kind", "published_at", "url"]
    list_filter = ["kind"]
    search_fields = ["title", "url", "publisher"]
    readonly_fields = ["created_by", "created_at", "updated_at"]


@admin.register(ClaimSource)
class ClaimSourceAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "source", "stance", "created_at"]
    list_filter = ["stance"]
    search_fields = ["excerpt", "note", "source__title", "claim__content"]
    list_select_related = ["claim", "source"]
    raw_id_fields = ["claim", "source"]


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "claim", "author", "created_at"]
    search_fields = ["body"]
    list_select_related = ["claim", "author"]
    raw_id_fields = ["claim"]
    readonly_fields = ["author", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
