"""The claims list (the desk's queue) and the claim page (where a claim is
reviewed: verdicts, evidence, notes, workflow, publishing)."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin import actions, display, filters
from claims.admin.forms import ClaimForm, CorrectVerdictForm
from claims.admin.highlight import context_html
from claims.admin.history import ReviewHistoryAdmin, timeline
from claims.admin.notes import NoteInline
from claims.admin.pagination import EstimatedCountPaginator
from claims.admin.sources import ClaimSourceInline
from claims.admin.verdicts import VerdictInline
from claims.admin.versioning import VersionedAdminMixin, conflict_message
from claims.models import (
    Claim,
    ClaimKind,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Note,
    Scale,
    Speaker,
    StaleVersion,
    Verdict,
    VerdictStatus,
)
from claims.normalise import name_key


class ClaimChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The rows never show the article's text, which can be long.
        return super().get_queryset(request, exclude_parameters).defer("article__text")

    def get_results(self, request):
        super().get_results(request)
        # The current ratings of the page's claims only: annotating the list
        # queryset itself would run the rating subqueries for every row an
        # OFFSET skips on the way to a deep page.
        page = {claim.pk: claim for claim in self.result_list}
        rows = (
            Claim.objects.filter(pk__in=page)
            .with_current_ratings()
            .values_list("pk", *(f"current_{scale.value}_rating_id" for scale in Scale))
        )
        for pk, *rating_ids in rows:
            for scale, rating_id in zip(Scale, rating_ids, strict=True):
                setattr(page[pk], f"current_{scale.value}_rating_id", rating_id)
        ratings = display.ratings_by_id()
        for claim in self.result_list:
            claim.ratings = ratings


@admin.register(Claim)
class ClaimAdmin(VersionedAdminMixin, ReviewHistoryAdmin):
    form = ClaimForm
    change_form_template = "admin/claims/claim/change_form.html"
    change_list_template = "admin/claims/claim/change_list.html"
    inlines = [VerdictInline, ClaimSourceInline, NoteInline]

    list_display = [
        "claim_column",
        "speaker_column",
        "verdicts_column",
        "status_column",
        "kind_column",
        "assignee",
        "article_column",
    ]
    list_display_links = ["claim_column"]
    list_filter = [
        filters.WorkFilter,
        "status",
        filters.ContentRatingFilter,
        filters.AttributionRatingFilter,
        filters.AssigneeFilter,
        "kind",
        filters.LanguageFilter,
        filters.ArticleFilter,
        filters.SpeakerFilter,
        "origin",
    ]
    search_fields = ["content", "headline", "speaker__name"]  # see get_search_results
    search_help_text = _("Search the claims' text and headlines, and speakers' names; #123 finds claim 123.")
    list_select_related = ["speaker", "assignee", "article"]
    # Newest articles first and, within an article, reading order: the desk
    # works article by article. The index claim_desk_order_idx serves it.
    ordering = ["-article_id", "start", "id"]
    list_per_page = 50
    show_full_result_count = False
    # Facet counts cost one COUNT per filter choice (about 90 here, seconds on
    # 100,000 claims); the desk's queues above the list are the quick view.
    show_facets = admin.ShowFacets.NEVER
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["article"]
    actions = [
        actions.assign_to_me,
        actions.assign_to,
        actions.set_status,
        actions.publish,
        actions.export_selected,
    ]
    view_on_site = False  # a claim's page is this one; its article links to the public report
    record_fields = ["origin", "sentence", "confidence", "created_by", "created_at", "updated_at"]

    # --- permissions --------------------------------------------------------

    def has_assign_permission(self, request):
        return request.user.has_perm("claims.assign_claim")

    def has_publish_permission(self, request):
        return request.user.has_perm("claims.publish_claim")

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.verdicts.filter(status=VerdictStatus.PUBLISHED).exists():
            return False  # its published verdicts are on the record for good
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        locked = queryset.filter(verdicts__status=VerdictStatus.PUBLISHED).distinct()
        if locked.exists():
            self.message_user(
                request,
                gettext("Claims with published verdicts are never deleted; %(count)s were left in place.")
                % {"count": locked.count()},
                messages.ERROR,
            )
            queryset = queryset.exclude(pk__in=locked.values("pk"))
        super().delete_queryset(request, queryset)

    # --- the list -----------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ClaimChangeList

    @admin.display(description=_("claim"), ordering="headline")
    def claim_column(self, claim):
        return format_html(
            '<span class="fc-claim-cell"><span class="fc-id">#{}</span> <span dir="auto">{}</span></span>',
            claim.pk,
            _short(claim.headline or claim.content, 140),
        )

    @admin.display(description=_("speaker"), ordering="speaker__name")
    def speaker_column(self, claim):
        return display.speaker_html(claim)

    @admin.display(description=_("verdicts"))
    def verdicts_column(self, claim):
        return display.verdict_pills(claim, getattr(claim, "ratings", {}), empty=gettext("none yet"))

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, claim):
        return display.status_chip(claim.status)

    @admin.display(description=_("kind"), ordering="kind")
    def kind_column(self, claim):
        return format_html(
            '<span class="fc-kind fc-kind-{}">{}</span>', claim.kind, ClaimKind(claim.kind).label
        )

    @admin.display(description=_("article"), ordering="article_id")
    def article_column(self, claim):
        url = reverse("admin:claims_article_change", args=[claim.article_id]) + f"#claim-{claim.pk}"
        return format_html('<a href="{}" dir="auto">{}</a>', url, _short(claim.article.title, 50))

    def get_search_results(self, request, queryset, search_term):
        """Each word must appear in the claim's text or headline, or in its
        speaker's names (aliases and spelling variants included); "#123" finds
        claim 123. Speakers are matched once in their own small table rather
        than row by row through a join."""
        for term in (unescape_string_literal(t) if t[:1] in "\"'" else t for t in smart_split(search_term)):
            if term.startswith("#") and term[1:].isdigit():
                queryset = queryset.filter(pk=int(term[1:]))
                continue
            speakers = Q(name__icontains=term)
            if key := name_key(term):
                speakers |= Q(search_keys__contains=key)
            queryset = queryset.filter(
                Q(content__icontains=term)
                | Q(headline__icontains=term)
                | Q(speaker__in=Speaker.objects.filter(speakers).values("pk"))
            )
        return queryset, False

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        base = reverse("admin:claims_claim_changelist")
        extra_context["shortcuts"] = [
            (gettext("My claims"), f"{base}?todo=mine"),
            (gettext("Mine, needing a verdict"), f"{base}?todo=mine_needs_verdict"),
            (gettext("Needs a verdict"), f"{base}?todo=needs_verdict"),
            (gettext("Ready to publish"), f"{base}?status__exact={ClaimStatus.READY}"),
            (gettext("Published claims"), f"{base}?status__exact={ClaimStatus.PUBLISHED}"),
        ]
        return super().changelist_view(request, extra_context)

    # --- the claim page -----------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_fieldsets(self, request, obj=None):
        workflow = ["status", "assignee"]
        if obj is not None and self.has_change_permission(request, obj):
            workflow.append("opened_version")
        fieldsets = [
            (_("Who said it"), {"fields": ["speaker", "speaker_text", "speaker_role", "cue"]}),
            (_("What they said"), {"fields": ["content", "kind", "headline", ("start", "end")]}),
            (_("Workflow"), {"fields": workflow}),
        ]
        if obj is None:
            fieldsets.insert(0, (None, {"fields": ["article"]}))
        else:
            fieldsets.append(
                (_("Record"), {"classes": ["collapse"], "fields": ["article", *self.record_fields]})
            )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.record_fields
        return ["article", *self.record_fields]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.origin = ClaimOrigin.MANUAL
        super().save_model(request, obj, form, change)

    def before_inline_save(self, request, obj, created):
        if not created:
            return
        if isinstance(obj, Verdict | Note):
            obj.author = request.user
        elif isinstance(obj, ClaimSource):
            obj.added_by = request.user

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        claim = self.get_object(request, object_id)
        if claim is not None and self.has_view_or_change_permission(request, claim):
            extra_context.update(self.review_context(request, claim))
        return super().change_view(request, object_id, form_url, extra_context)

    def review_context(self, request, claim):
        article = claim.article
        can_publish = request.user.has_perm("claims.publish_claim")
        # A published claim shows the button again when a correction awaits publishing.
        show_publish = can_publish and (
            claim.status != ClaimStatus.PUBLISHED
            or claim.verdicts.current().filter(status=VerdictStatus.DRAFT).exists()
        )
        problems = claim.publication_problems() if show_publish else []
        return {
            "claim_context": context_html(*claim.sentence_context),
            "claim_article": article,
            "claim_article_url": reverse("admin:claims_article_change", args=[article.pk])
            + f"#claim-{claim.pk}",
            "claim_dir": "rtl" if article.is_rtl else "ltr",
            "claim_status_chip": display.status_chip(claim.status),
            "can_publish": can_publish,
            "show_publish": show_publish,
            "publication_problems": problems,
            "publish_url": reverse("admin:claims_claim_publish", args=[claim.pk]),
            "claim_version": claim.version,
        }

    # --- publishing and corrections -------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="claims_claim_publish",
            ),
            path(
                "<path:object_id>/verdicts/<int:verdict_id>/correct/",
                self.admin_site.admin_view(self.correct_verdict_view),
                name="claims_claim_correct_verdict",
            ),
            *super().get_urls(),
        ]

    def publish_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_publish_permission(request):
            raise PermissionDenied
        claim = self.get_object(request, object_id)
        if claim is None:
            raise Http404
        back = HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
        try:
            opened = int(request.POST.get("version", ""))
        except ValueError:
            messages.error(request, gettext("The page is missing the version it was opened at; reload it."))
            return back
        with transaction.atomic():
            claim = Claim.objects.select_for_update().select_related("article").get(pk=claim.pk)
            if claim.version != opened:
                # An editor publishes what they have seen, or nothing.
                messages.error(request, conflict_message(StaleVersion(claim, opened)))
                return back
            try:
                claim._change_reason = actions.PUBLISHED_REASON
                claim.publish(by=request.user)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
                return back
        self.log_change(request, claim, gettext("Published."))
        messages.success(request, gettext("The claim is published, with its current verdicts."))
        return back

    def correct_verdict_view(self, request, object_id, verdict_id):
        claim = self.get_object(request, object_id)
        if claim is None:
            raise Http404
        verdict = get_object_or_404(Verdict.objects.select_related("rating"), pk=verdict_id, claim=claim)
        if not request.user.has_perm("claims.add_verdict"):
            raise PermissionDenied
        back = reverse("admin:claims_claim_change", args=[claim.pk])
        if verdict.status != VerdictStatus.PUBLISHED or not verdict.is_current:
            messages.error(
                request,
                gettext("Only the current published verdict can be corrected; edit the draft instead."),
            )
            return HttpResponseRedirect(back)
        form = CorrectVerdictForm(request.POST or None, verdict=verdict)
        if request.method == "POST" and form.is_valid():
            try:
                correction = verdict.correct(
                    form.cleaned_data["rating"], form.cleaned_data["explanation"], by=request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                claim.save(update_fields=["updated_at"])  # moves the claim's version: others see the change
                self.log_change(request, claim, gettext("Corrected a published verdict."))
                messages.success(
                    request,
                    gettext("Correction #%(id)s added as a draft; it is published with the claim.")
                    % {"id": correction.pk},
                )
                return HttpResponseRedirect(back)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Correct a published verdict"),
            "opts": self.opts,
            "original": claim,
            "verdict": verdict,
            "form": form,
            "back_url": back,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/claims/claim/correct_verdict.html", context)

    def related_history(self, request, claim):
        return timeline(
            request,
            [
                Verdict.history.filter(claim_id=claim.pk),
                ClaimSource.history.filter(claim_id=claim.pk),
                Note.history.filter(claim_id=claim.pk),
            ],
        )


def _short(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"
