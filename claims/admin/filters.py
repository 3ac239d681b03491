"""Filters of the claims list. Each costs at most one small query to list its
choices, and filters with a semi-join that PostgreSQL answers from an index."""

from collections import Counter

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from claims.models import Article, Claim, Rating, Scale, Speaker, Verdict

NONE = "none"
ME = "me"


class CurrentRatingFilter(admin.SimpleListFilter):
    """Claims whose current verdict on one scale has a given rating (or none yet)."""

    scale = None

    def lookups(self, request, model_admin):
        choices = [(str(r.pk), r.display_label) for r in Rating.objects.filter(scale=self.scale)]
        return [*choices, (NONE, _("no verdict yet"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value == NONE:
            return queryset.filter(~Exists(Verdict.objects.filter(claim=OuterRef("pk"), scale=self.scale)))
        if not value.isdigit():
            return queryset.none()
        current = Verdict.objects.current().filter(scale=self.scale, rating_id=int(value))
        return queryset.filter(pk__in=current.values("claim_id"))


class AttributionRatingFilter(CurrentRatingFilter):
    title = _("attribution verdict")
    parameter_name = "attribution"
    scale = Scale.ATTRIBUTION


class ContentRatingFilter(CurrentRatingFilter):
    title = _("content verdict")
    parameter_name = "content_rating"
    scale = Scale.CONTENT


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assignee")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        users = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        return [
            (ME, _("me")),
            (NONE, _("nobody")),
            *((str(u.pk), u.get_full_name() or u.get_username()) for u in users),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value == ME:
            return queryset.assigned_to(request.user)
        if value == NONE:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=value) if value.isdigit() else queryset.none()


class WorkFilter(admin.SimpleListFilter):
    """The desk's queues."""

    title = _("to do")
    parameter_name = "todo"

    def lookups(self, request, model_admin):
        return [
            ("needs_verdict", _("needs a verdict")),
            ("mine", _("assigned to me")),
            ("mine_needs_verdict", _("assigned to me, needs a verdict")),
            ("no_source", _("no source yet")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "needs_verdict":
            return queryset.needs_verdict()
        if value == "mine":
            return queryset.assigned_to(request.user)
        if value == "mine_needs_verdict":
            return queryset.assigned_to(request.user).needs_verdict()
        if value == "no_source":
            return queryset.filter(claim_sources__isnull=True)
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        codes = Article.objects.order_by("language").values_list("language", flat=True).distinct()
        return [(code, language_name(code)) for code in codes]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(article__language=value) if value else queryset


def language_name(code):
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


class ArticleFilter(admin.SimpleListFilter):
    """The newest articles (a long list would not help), plus the one chosen."""

    title = _("article")
    parameter_name = "article"
    shown = 12

    def lookups(self, request, model_admin):
        articles = list(Article.objects.only("pk", "title")[: self.shown])
        value = self.value()
        if value and value.isdigit() and all(a.pk != int(value) for a in articles):
            articles += list(Article.objects.only("pk", "title").filter(pk=int(value)))
        return [(str(a.pk), _shorten(a.title)) for a in articles]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(article_id=value) if value.isdigit() else queryset.none()


class SpeakerFilter(admin.SimpleListFilter):
    """The speakers heard most in the newest claims, plus the one chosen.

    Counting over the newest claims only keeps this list current and cheap
    (an index range of the primary key) however many claims there are.
    """

    title = _("speaker")
    parameter_name = "speaker"
    shown = 15
    recent = 5000

    def lookups(self, request, model_admin):
        # A few thousand integers counted here beat a GROUP BY that PostgreSQL
        # plans as a scan of the whole table.
        heard = Counter(
            pk
            for pk in Claim.objects.order_by("-pk").values_list("speaker_id", flat=True)[: self.recent]
            if pk is not None
        )
        ids = [pk for pk, _ in sorted(heard.items(), key=lambda item: (-item[1], item[0]))[: self.shown]]
        value = self.value()
        if value and value.isdigit() and int(value) not in ids:
            ids.append(int(value))
        names = dict(Speaker.objects.filter(pk__in=ids).values_list("pk", "name"))
        return [(str(pk), names[pk]) for pk in ids if pk in names]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(speaker_id=value) if value.isdigit() else queryset.none()


def _shorten(text, limit=60):
    return text if len(text) <= limit else text[: limit - 1] + "…"
