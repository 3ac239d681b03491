"""The article page: the text with its claims highlighted in place, the claims
in reading order beside it, and the verbs that work on the whole article
(re-extract, add a claim from a selection, export the report)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from claims.admin import actions, display
from claims.admin.filters import language_name
from claims.admin.forms import AddClaimForm, ArticleAddForm, ArticleChangeForm
from claims.admin.highlight import render
from claims.admin.history import ReviewHistoryAdmin, timeline
from claims.admin.versioning import VERSION_FIELD, VersionedAdminMixin
from claims.extraction import UnsupportedLanguage, skipped_spans
from claims.ingest import reextract_article, save_new_article
from claims.models import Article, Claim, ClaimOrigin, ClaimStatus, Speaker, SpeakerKind, VerdictStatus
from claims.reports import FORMATS, Audience


def skipped_text(article):
    """(start, end, reason) of what the extractor skips (captions, furniture,
    agency lines); nothing for a language it does not read."""
    try:
        return skipped_spans(article.text, article.language)
    except UnsupportedLanguage:
        return []


def report_links(article, user):
    """[(label, url)]: the public page once something is published, then every
    report format in each audience the user may read (internal first)."""
    links = []
    public_page = public_report_url(article)
    if public_page:
        links.append((gettext("Public report page"), public_page))
    for audience, _label in reversed(actions.export_audiences(user)):
        for fmt in FORMATS.values():
            url = reverse("api:article-report", args=[article.pk, fmt.key])
            label = gettext("%(format)s, %(audience)s") % {
                "format": fmt.label,
                "audience": AUDIENCE_NAMES[audience],
            }
            links.append((label, f"{url}?audience={audience}"))
    return links


AUDIENCE_NAMES = {
    Audience.INTERNAL: pgettext_lazy("report audience", "internal"),
    Audience.PUBLIC: pgettext_lazy("report audience", "public"),
}


def public_report_url(article):
    """The public report page, which exists once a claim of the article is published."""
    if article.claims.filter(status=ClaimStatus.PUBLISHED).exists():
        return reverse("reports:article", args=[article.slug])
    return None


@admin.register(Article)
class ArticleAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    list_display = [
        "title_column",
        "publisher",
        "language",
        "claim_count",
        "open_count",
        "published_at",
        "created_at",
    ]
    list_display_links = ["title_column"]
    actions = [actions.export_articles]
    list_filter = ["language", "publisher", "published_at"]
    search_fields = ["title", "url", "publisher"]
    search_help_text = _("Search titles, addresses and publishers.")
    date_hierarchy = "created_at"
    readonly_fields = ["slug", "content_hash", "created_by", "created_at", "updated_at"]
    change_form_template = "admin/claims/article/change_form.html"
    list_per_page = 50

    def view_on_site(self, article):
        return public_report_url(article)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "claims_article_changelist":
            # The text can be long and the list never shows it.
            claims = Claim.objects.filter(article=OuterRef("pk")).order_by().values("article")
            open_claims = claims.exclude(status__in=[ClaimStatus.PUBLISHED, ClaimStatus.DISMISSED])
            queryset = queryset.defer("text").annotate(
                claim_total=Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0),
                claim_open=Coalesce(Subquery(open_claims.annotate(n=Count("pk")).values("n")), 0),
            )
        return queryset

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["text", "title", "language", "url", "publisher", "published_at"]})]
        fields = ["title", "url", "publisher", "published_at", "language"]
        if self.has_change_permission(request, obj):
            fields.append(VERSION_FIELD)  # hidden: the version the page was opened at
        return [
            (None, {"fields": fields}),
            (_("Record"), {"classes": ["collapse"], "fields": self.readonly_fields}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ArticleAddForm if obj is None else ArticleChangeForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        obj.created_by = request.user
        result = save_new_article(obj)
        if not result.created:  # lost a race with an identical ingestion
            obj.pk = result.article.pk

    def has_delete_permission(self, request, obj=None):
        if (
            obj is not None
            and Claim.objects.filter(article=obj, verdicts__status=VerdictStatus.PUBLISHED).exists()
        ):
            return False  # published verdicts are never deleted, nor their article
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        locked = queryset.filter(claims__verdicts__status=VerdictStatus.PUBLISHED).distinct()
        if locked.exists():
            self.message_user(
                request,
                gettext("Articles with published verdicts are never deleted: %(titles)s.")
                % {"titles": ", ".join(map(str, locked))},
                messages.ERROR,
            )
            queryset = queryset.exclude(pk__in=locked.values("pk"))
        super().delete_queryset(request, queryset)

    @admin.display(description=_("title"), ordering="title")
    def title_column(self, article):
        return format_html('<span dir="auto">{}</span>', article.title)

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, article):
        url = reverse("admin:claims_claim_changelist") + f"?article={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.claim_total)

    @admin.display(description=_("open claims"), ordering="claim_open")
    def open_count(self, article):
        return article.claim_open

    # --- the review pane ------------------------------------------------------

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/reextract/",
                self.admin_site.admin_view(self.reextract_view),
                name="claims_article_reextract",
            ),
            path(
                "<path:object_id>/add-claim/",
                self.admin_site.admin_view(self.add_claim_view),
                name="claims_article_add_claim",
            ),
        ]
        return urls + super().get_urls()

    def review_context(self, request, article):
        ratings = display.ratings_by_id()
        claims = list(
            article.claims.with_current_ratings()
            .select_related("speaker", "assignee")
            .order_by("start", "-end", "id")
        )
        skipped = skipped_text(article)
        spans = display.claim_spans(claims, ratings) + display.skipped_spans_html(skipped)
        rows = [
            {
                "number": number,
                "claim": claim,
                "speaker": display.speaker_html(claim),
                "pills": display.verdict_pills(claim, ratings),
                "status": display.status_chip(claim.status),
            }
            for number, claim in enumerate(claims, start=1)
        ]
        counts = {}
        for claim in claims:
            counts[claim.status] = counts.get(claim.status, 0) + 1
        user = request.user
        return {
            "article_html": render(article.text, spans),
            "claim_rows": rows,
            "status_counts": [
                (display.status_chip(status), counts[status]) for status in ClaimStatus if status in counts
            ],
            "has_skipped": bool(skipped),
            "can_add_claim": user.has_perm("claims.add_claim"),
            "can_reextract": user.has_perm("claims.change_article") and user.has_perm("claims.add_claim"),
            "report_links": report_links(article, user),
            "claims_list_url": reverse("admin:claims_claim_changelist") + f"?article={article.pk}",
            "add_claim_form": AddClaimForm(article=article),
            "legend_pills": display.pills_legend(),
            "article_meta": article_meta(article),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        article = self.get_object(request, object_id)
        if article is not None and self.has_view_or_change_permission(request, article):
            extra_context.update(self.review_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def _article_or_404(self, request, object_id):
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        return article

    def reextract_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        if not (request.user.has_perm("claims.change_article") and request.user.has_perm("claims.add_claim")):
            raise PermissionDenied
        back = HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))
        result = reextract_article(article, by=request.user)
        messages.success(
            request,
            gettext(
                "Claims extracted again — added: %(added)s, removed: %(removed)s, "
                "kept for their editorial work: %(kept)s, unchanged: %(unchanged)s."
            )
            % {
                "added": len(result.added),
                "removed": len(result.removed),
                "kept": len(result.kept),
                "unchanged": len(result.unchanged),
            },
        )
        if result.added:
            messages.info(request, _claims_message(gettext("Added:"), result.added))
        if result.removed:
            messages.info(
                request,
                format_html(
                    "{} {}",
                    gettext("Removed (nobody had worked on them):"),
                    format_html_join(
                        " · ",
                        "“<bdi>{}</bdi>”",
                        ((_short(r["content"]),) for r in result.removed),
                    ),
                ),
            )
        if result.kept:
            messages.info(
                request,
                _claims_message(
                    gettext("Kept as they are, because someone has worked on them:"),
                    result.kept,
                ),
            )
        self.log_change(request, article, gettext("Claims extracted again."))
        return back

    def add_claim_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        if not request.user.has_perm("claims.add_claim"):
            raise PermissionDenied
        back = HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))
        form = AddClaimForm(request.POST, article=article)
        if not form.is_valid():
            for error in form.non_field_errors():
                messages.error(request, error)
            for name, errors in form.errors.items():
                if name != "__all__":
                    label = form.fields[name].label or name
                    messages.error(request, f"{label}: {' '.join(errors)}")
            return back
        data = form.cleaned_data
        claim = Claim(
            article=article,
            start=data["start"],
            end=data["end"],
            content=data["content"],
            kind=data["kind"],
            cue=data["cue"].strip(),
            speaker_text=data["speaker"].strip(),
            origin=ClaimOrigin.MANUAL,
            created_by=request.user,
        )
        try:
            with transaction.atomic():
                if claim.speaker_text:
                    claim.speaker = Speaker.objects.resolve(claim.speaker_text, kind=SpeakerKind.PERSON)
                claim.full_clean(exclude=["speaker"])
                claim.save()
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return back
        self.log_addition(request, claim, gettext("Added from a selection in the article."))
        messages.success(
            request,
            gettext("Claim #%(id)s added from characters %(start)s–%(end)s. Complete it below.")
            % {"id": claim.pk, "start": claim.start, "end": claim.end},
        )
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def related_history(self, request, article):
        # Claims come and go with extraction; their arrivals and removals
        # belong to the article's story.
        return timeline(request, [Claim.history.filter(article_id=article.pk).exclude(history_type="~")])


def article_meta(article):
    """Publisher, date, language, length and link of an article, as HTML pieces."""
    parts = []
    if article.publisher:
        parts.append(format_html("<bdi>{}</bdi>", article.publisher))
    if article.published_at:
        parts.append(date_format(article.published_at, "DATE_FORMAT"))
    parts.append(language_name(article.language))
    length = len(article.text)
    parts.append(
        ngettext("%(count)s character", "%(count)s characters", length) % {"count": number_format(length)}
    )
    if article.url:
        parts.append(
            format_html(
                '<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>',
                article.url,
                gettext("original article"),
            )
        )
    return parts


def _short(text, limit=90):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _claims_message(prefix, claims):
    return format_html(
        "{} {}",
        prefix,
        format_html_join(
            " · ",
            '“<a href="{}"><bdi>{}</bdi></a>”',
            ((reverse("admin:claims_claim_change", args=[c.pk]), _short(c.content)) for c in claims),
        ),
    )
