"""Which claims (and articles, speakers, sources) a list shows.

`ClaimFilter` is shared by the claims list and the claims export, so it
imports nothing else from the API: `ClaimFilter(request.GET,
queryset=Claim.objects.all(), request=request).qs` works anywhere, and an
invalid parameter shows up in `.errors` (the API answers 400 with them).
"""

from datetime import UTC

import django_filters
from django import forms
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.core.validators import RegexValidator
from django.db import connections
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from claims.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Rating,
    Scale,
    Source,
    SourceKind,
    Speaker,
    SpeakerKind,
    Verdict,
)
from claims.normalise import name_key

# Longest search a client may send; full-text queries grow with their terms.
MAX_QUERY_LENGTH = 200
MAX_ID = 2**63 - 1
# Speakers a name search may match; more than this is not a name any more.
MAX_SPEAKER_MATCHES = 200

# The PostgreSQL text-search configuration per article language. Everything
# not Arabic is searched with the English stemmer, which also copes with
# names and numbers in other Latin-script languages.
SEARCH_CONFIGS = {"ar": "arabic"}
DEFAULT_SEARCH_CONFIG = "english"


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """A primary key: a positive integer the database can hold (never a 500 for 10**30)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class MultipleChoice(django_filters.MultipleChoiceFilter):
    """`?status=new&status=in_review`: any of the values, without a DISTINCT."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class UTCDateTimeField(IsoDateTimeField):
    """ISO 8601 date-times, normalised to UTC (PostgreSQL refuses offsets past ±15:59)."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(_("Enter a date and time between the years 1 and 9999.")) from None


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class StrictBooleanField(forms.Field):
    """`true`/`false` (or 1/0); anything else is an error, not silently ignored."""

    default_error_messages = {"invalid": _("Enter “true” or “false”.")}
    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


@extend_schema_field(OpenApiTypes.BOOL)
class BooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


@extend_schema_field(OpenApiTypes.STR)
class RatingFilter(django_filters.ModelChoiceFilter):
    """A rating by its slug on one scale; an unknown slug is an error (400), not an empty list."""

    def __init__(self, scale, **kwargs):
        kwargs.setdefault("queryset", Rating.objects.filter(scale=scale))
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("method", "filter_current_rating")
        super().__init__(**kwargs)


class SearchFilter(django_filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("label", _("Search"))
        super().__init__(*args, **kwargs)


class StrictFilterSet(django_filters.FilterSet):
    """A parameter that is present must have a value: `?created_after=` is a client's mistake.

    django-filter ignores blank values; here only free-text parameters
    (`allow_blank`) may be blank, everything else answers 400.
    """

    allow_blank = frozenset({"q", "publisher"})

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if name in self.allow_blank or name not in self.data:
                continue
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data[name]]
            if any(not str(value).strip() for value in values):
                self.form.add_error(name, _("Give a value, or leave the parameter out."))
                valid = False
        return valid


LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
ASSIGNEE_PATTERN = r"^(me|none|[1-9][0-9]{0,17})$"


def language_q(field, code):
    """`ar` matches articles in `ar` and in regional variants such as `ar-EG`."""
    code = code.strip()
    return Q(**{field: code}) | Q(**{f"{field}__istartswith": f"{code}-"})


def is_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


def claim_search(queryset, value):
    """Claims whose content or headline matches `value`, or whose speaker is named like it.

    On PostgreSQL: full-text search with the claim's language configuration
    (so Arabic words match their inflected forms), plus trigram word
    similarity on the speaker's normalised name (so "بيسكوف" finds
    "ديمتري بيسكوف" and a misspelt "Peskow" finds "Peskov"); the best matches
    come first unless the client orders otherwise. The GIN indexes of
    migration 0005 (search_indexes) serve both. Elsewhere: case-insensitive substring match.
    """
    value = value.strip()
    if not value:
        return queryset
    key = name_key(value)
    if not is_postgresql(queryset):
        condition = Q(content__icontains=value) | Q(headline__icontains=value)
        condition |= Q(speaker__name__icontains=value) | Q(speaker_text__icontains=value)
        if key:
            condition |= Q(speaker__search_keys__contains=key)
        return queryset.filter(condition)

    arabic = language_q("article__language", "ar")
    vectors, queries = {}, {}
    for config in (*SEARCH_CONFIGS.values(), DEFAULT_SEARCH_CONFIG):
        # The expression matches the indexes of migration 0005 (search_indexes) exactly.
        vectors[config] = SearchVector("content", "headline", config=config)
        queries[config] = SearchQuery(value, config=config, search_type="websearch")
    queryset = queryset.alias(search_ar=vectors["arabic"], search_en=vectors["english"])
    by_text = (arabic & Q(search_ar=queries["arabic"])) | (~arabic & Q(search_en=queries["english"]))
    # The same test without the language (which lives on the article) lets
    # PostgreSQL OR the claim-table indexes together before the join; the ids
    # of speakers named like the query (a small, trigram-indexed table) keep
    # that branch indexable too.
    speakers = list(
        Speaker.objects.using(queryset.db)
        .filter(TrigramWordSimilar(F("key"), key))
        .values_list("pk", flat=True)[:MAX_SPEAKER_MATCHES]
        if key
        else []
    )
    by_speaker = Q(speaker_id__in=speakers)
    candidates = Q(search_ar=queries["arabic"]) | Q(search_en=queries["english"]) | by_speaker
    text_rank = Case(
        When(arabic, then=SearchRank(F("search_ar"), queries["arabic"])),
        default=SearchRank(F("search_en"), queries["english"]),
        output_field=FloatField(),
    )
    name_rank = Coalesce(TrigramWordSimilarity(key, "speaker__key"), Value(0.0)) if key else Value(0.0)
    return (
        queryset.filter(candidates)
        .filter(by_text | by_speaker)
        .annotate(search_rank=Greatest(text_rank, name_rank, output_field=FloatField()))
        .order_by("-search_rank", "-id")
    )


class ClaimFilter(StrictFilterSet):
    article = IdFilter(field_name="article_id", label=_("Article"))
    speaker = IdFilter(field_name="speaker_id", label=_("Speaker"))
    status = MultipleChoice(choices=ClaimStatus.choices, label=_("Status"))
    kind = MultipleChoice(choices=ClaimKind.choices, label=_("Kind"))
    language = django_filters.CharFilter(
        method="filter_language",
        max_length=12,
        label=_("Article language"),
        validators=[RegexValidator(LANGUAGE_PATTERN, _("Enter a language code."))],
    )
    assignee = django_filters.CharFilter(
        method="filter_assignee",
        max_length=20,
        label=_("Assignee"),
        help_text=_("A user id, “me” or “none”."),
        validators=[RegexValidator(ASSIGNEE_PATTERN, _("Enter a user id, “me” or “none”."))],
    )
    attribution_rating = RatingFilter(
        Scale.ATTRIBUTION,
        label=_("Current attribution rating"),
        help_text=_("The slug of a rating on the attribution scale."),
    )
    content_rating = RatingFilter(
        Scale.CONTENT,
        label=_("Current content rating"),
        help_text=_("The slug of a rating on the content scale."),
    )
    has_verdict = BooleanFilter(
        method="filter_has_verdict",
        label=_("Has a verdict"),
        help_text=_("Whether the claim has any verdict, on either scale."),
    )
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte", label=_("Created at or after"))
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt", label=_("Created before"))
    q = SearchFilter(
        method="filter_q",
        help_text=_("Words in the claim or its headline, or the speaker's name."),
    )

    class Meta:
        model = Claim
        fields = [
            "article",
            "speaker",
            "status",
            "kind",
            "language",
            "assignee",
            "attribution_rating",
            "content_rating",
            "has_verdict",
            "created_after",
            "created_before",
            "q",
        ]

    @extend_schema_field({"type": "string", "pattern": LANGUAGE_PATTERN, "maxLength": 12})
    def filter_language(self, queryset, name, value):
        return queryset.filter(language_q("article__language", value))

    @extend_schema_field({"type": "string", "pattern": ASSIGNEE_PATTERN})
    def filter_assignee(self, queryset, name, value):
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value == "me":
            user = getattr(self.request, "user", None)
            if user is None or not user.is_authenticated:
                return queryset.none()
            return queryset.filter(assignee_id=user.pk)
        return queryset.filter(assignee_id=int(value))

    def filter_current_rating(self, queryset, name, rating):
        if rating is None:
            return queryset
        annotation = f"current_{rating.scale}_rating_id"
        if annotation not in queryset.query.annotations:
            queryset = queryset.with_current_ratings()
        return queryset.filter(**{annotation: rating.pk})

    def filter_has_verdict(self, queryset, name, value):
        if value is None:
            return queryset
        exists = Exists(Verdict.objects.filter(claim=OuterRef("pk")))
        return queryset.filter(exists if value else ~exists)

    def filter_q(self, queryset, name, value):
        return claim_search(queryset, value)


class ArticleFilter(StrictFilterSet):
    language = django_filters.CharFilter(
        method="filter_language",
        max_length=12,
        label=_("Language"),
        validators=[RegexValidator(LANGUAGE_PATTERN, _("Enter a language code."))],
    )
    publisher = django_filters.CharFilter(field_name="publisher", max_length=200, label=_("Publisher"))
    published_after = django_filters.DateFilter(
        field_name="published_at", lookup_expr="gte", label=_("Published on or after")
    )
    published_before = django_filters.DateFilter(
        field_name="published_at", lookup_expr="lte", label=_("Published on or before")
    )
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte", label=_("Created at or after"))
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt", label=_("Created before"))
    q = SearchFilter(method="filter_q", help_text=_("Words in the title or the text."))

    class Meta:
        model = Article
        fields = [
            "language",
            "publisher",
            "published_after",
            "published_before",
            "created_after",
            "created_before",
            "q",
        ]

    @extend_schema_field({"type": "string", "pattern": LANGUAGE_PATTERN, "maxLength": 12})
    def filter_language(self, queryset, name, value):
        return queryset.filter(language_q("language", value))

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(text__icontains=value))


class SpeakerFilter(StrictFilterSet):
    kind = MultipleChoice(choices=SpeakerKind.choices, label=_("Kind"))
    q = SearchFilter(method="filter_q", help_text=_("A name or alias, spelt any common way."))

    class Meta:
        model = Speaker
        fields = ["kind", "q"]

    def filter_q(self, queryset, name, value):
        key = name_key(value)
        if not key:
            return queryset.none() if value.strip() else queryset
        condition = Q(search_keys__contains=key)
        if is_postgresql(queryset):
            condition |= TrigramWordSimilar(F("key"), key)
            return (
                queryset.filter(condition)
                .annotate(search_rank=TrigramWordSimilarity(key, "key"))
                .order_by("-search_rank", "name", "id")
            )
        return queryset.filter(condition)


class SourceFilter(StrictFilterSet):
    kind = MultipleChoice(choices=SourceKind.choices, label=_("Kind"))
    publisher = django_filters.CharFilter(field_name="publisher", max_length=200, label=_("Publisher"))
    claim = IdFilter(field_name="claim_links__claim_id", label=_("Linked to claim"))
    q = SearchFilter(method="filter_q", help_text=_("Words in the title, publisher or URL."))

    class Meta:
        model = Source
        fields = ["kind", "publisher", "claim", "q"]

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(publisher__icontains=value) | Q(url__icontains=value)
        )
