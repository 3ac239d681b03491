"""One viewset per resource; verbs (extract, publish, merge) are @actions.
Here: articles and claims, and what every viewset shares; the rows of a
claim's review are in claim_rows.py, sources, speakers and ratings in
catalogue.py.

Lists are built to cost a constant number of queries whatever the page size:
related rows are joined (select_related) or fetched once per page
(prefetch_related), counts are correlated subqueries, and the ratings shown
with claims are read once per request.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api import extraction
from claims.api.cache import ReadCacheMixin
from claims.api.errors import Conflict, django_validation_errors
from claims.api.etags import (
    ConditionalWriteMixin,
    check_if_match,
    locked_if_current,
    save_if_current,
)
from claims.api.filters import ArticleFilter, ClaimFilter
from claims.api.permissions import IsSignedIn, ModelPermissions, missing_permission_message
from claims.api.serializers import (
    ArticleDetailSerializer,
    ArticleIngestSerializer,
    ArticleSerializer,
    ClaimDetailSerializer,
    ClaimSerializer,
    ClaimWriteSerializer,
    HealthSerializer,
    MeSerializer,
    ReextractResultSerializer,
)
from claims.api.throttling import IngestThrottle
from claims.ingest import IngestError, ingest_article
from claims.models import (
    Article,
    Claim,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Note,
    Rating,
    Verdict,
)

ID = "[0-9]+"
CLAIM_PK = OpenApiParameter(
    "claim_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("The claim's id.")
)


# The columns the list and detail shapes read (only() keeps rows and parsing small).
CLAIM_ROW = [
    "id",
    "version",
    "article",
    "speaker",
    "speaker_text",
    "speaker_role",
    "cue",
    "content",
    "kind",
    "start",
    "end",
    "headline",
    "status",
    "assignee",
    "origin",
    "created_at",
    "updated_at",
]


def SPEAKER_BRIEF(path):
    return [f"{path}__id", f"{path}__name", f"{path}__kind"]


def USER_BRIEF(path):
    return [f"{path}__id", f"{path}__username", f"{path}__first_name", f"{path}__last_name"]


def count_of(model, field):
    """A correlated COUNT subquery: evaluated only for the rows of the page."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("*")).values("n")[:1]), 0, output_field=IntegerField())


def require(user, *perms):
    missing = [perm for perm in perms if not user.has_perm(perm)]
    if missing:
        raise PermissionDenied(missing_permission_message(missing))


class StrictOrdering(OrderingFilter):
    """`?ordering=` with known fields only (400 otherwise); search relevance first when `q` is given."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is not None and not raw.strip():
            raise ValidationError({self.ordering_param: [_("Give a value, or leave the parameter out.")]})
        if raw:
            fields = [term.strip() for term in raw.split(",") if term.strip()]
            allowed = set(view.ordering_fields)
            unknown = [f for f in fields if f.lstrip("-") not in allowed]
            if unknown:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            _("Order by one of: %(fields)s (a leading “-” reverses).")
                            % {"fields": ", ".join(view.ordering_fields)}
                        ]
                    }
                )
            return [*fields, "-id"] if "id" not in {f.lstrip("-") for f in fields} else fields
        if request.query_params.get("q", "").strip() and "search_rank" in queryset.query.annotations:
            return None  # keep the relevance order set by the search
        return self.get_default_ordering(view)

    def get_schema_operation_parameters(self, view):
        names = "|".join(view.ordering_fields)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": _("Comma-separated fields to order by; a leading “-” reverses: %(fields)s.")
                % {"fields": ", ".join(view.ordering_fields)},
                "schema": {"type": "string", "pattern": f"^-?({names})(,-?({names}))*$"},
            }
        ]


FILTERS = [DjangoFilterBackend, StrictOrdering]


class ApiViewSet(viewsets.GenericViewSet):
    permission_classes = [ModelPermissions]
    filter_backends = FILTERS
    lookup_value_regex = ID

    def filter_queryset(self, queryset):
        # List filters apply to lists; a row is found by its id alone.
        return super().filter_queryset(queryset) if self.action == "list" else queryset


# Service ---------------------------------------------------------------------------


class HealthView(APIView):
    """Liveness: answers without touching the database (the benchmark's ceiling)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []

    @extend_schema(responses=HealthSerializer, auth=[], tags=["service"])
    def get(self, request):
        return Response({"status": "ok"})


class MeView(APIView):
    """The signed-in user, their groups and permissions."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=MeSerializer, tags=["service"])
    def get(self, request):
        return Response(MeSerializer(request.user).data)


# Articles --------------------------------------------------------------------------


@extend_schema_view(
    create=extend_schema(
        request=ArticleIngestSerializer,
        responses={
            201: OpenApiResponse(ArticleDetailSerializer, _("A new article, with the claims found in it.")),
            200: OpenApiResponse(
                ArticleDetailSerializer, _("The same text was already stored: that article.")
            ),
        },
        description=_(
            "Ingest an article: the text is stored exactly as sent and its claims are extracted. "
            "The same text again (whitespace aside) returns the stored article with 200, never a copy."
        ),
    ),
    retrieve=extend_schema(responses=ArticleDetailSerializer),
    update=extend_schema(responses=ArticleDetailSerializer),
    partial_update=extend_schema(responses=ArticleDetailSerializer),
)
class ArticleViewSet(
    ReadCacheMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    queryset = Article.objects.all()
    filterset_class = ArticleFilter
    ordering_fields = ["created_at", "published_at", "title", "id"]
    ordering = ["-created_at", "-id"]
    action_permissions = {"extract": ["claims.change_article", "claims.add_claim", "claims.change_claim"]}
    conflict_actions = {"create", "update", "partial_update", "destroy"}

    def get_queryset(self):
        articles = Article.objects.select_related("created_by").annotate(
            claim_count=count_of(Claim, "article")
        )
        if self.action == "list":
            # The text can be a megabyte: lists never read it.
            return articles.defer("text")
        if self.action == "retrieve" or self.action is None:
            claims = Claim.objects.select_related("speaker").order_by("start", "id")
            return articles.prefetch_related(Prefetch("claims", queryset=claims))
        return articles

    def read_queryset(self):
        claims = Claim.objects.select_related("speaker").order_by("start", "id")
        return (
            Article.objects.select_related("created_by")
            .annotate(claim_count=count_of(Claim, "article"))
            .prefetch_related(Prefetch("claims", queryset=claims))
        )

    def get_serializer_class(self):
        if self.action == "create":
            return ArticleIngestSerializer
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "extract":
            return ReextractResultSerializer
        return ArticleSerializer

    read_serializer_class = ArticleDetailSerializer

    def get_throttles(self):
        throttles = super().get_throttles()
        return [*throttles, IngestThrottle()] if self.action in ("create", "extract") else throttles

    def create(self, request, *args, **kwargs):
        serializer = ArticleIngestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            result = ingest_article(**data, created_by=request.user)
        except IngestError:
            if data.get("url") and Article.objects.filter(url=data["url"].strip()).exists():
                raise Conflict(
                    _("Another article already has the URL %(url)s.") % {"url": data["url"]},
                    code="duplicate_url",
                ) from None
            raise
        article = self.refreshed(result.article)
        if not result.created:
            return self.detail_response(article, status=status.HTTP_200_OK)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{article.pk}/")
        return self.detail_response(article, status=status.HTTP_201_CREATED, headers={"Location": location})

    @extend_schema(
        request=None,
        responses=ReextractResultSerializer,
        description=_(
            "Run extraction again. New claims are added; claims no longer found are removed only when "
            "nobody worked on them (no verdict, source, note, assignee or edit), otherwise kept."
        ),
    )
    @action(detail=True, methods=["post"])
    def extract(self, request, pk=None):
        article = self.get_object()
        check_if_match(request, article)
        result = extraction.reextract(article, by=request.user)
        data = ReextractResultSerializer(result, context=self.get_serializer_context()).data
        return Response(data)


# Claims ----------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(responses=ClaimSerializer),
    create=extend_schema(request=ClaimWriteSerializer, responses={201: ClaimDetailSerializer}),
    retrieve=extend_schema(responses=ClaimDetailSerializer),
    update=extend_schema(request=ClaimWriteSerializer, responses=ClaimDetailSerializer),
    partial_update=extend_schema(request=ClaimWriteSerializer, responses=ClaimDetailSerializer),
)
class ClaimViewSet(
    ReadCacheMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    queryset = Claim.objects.all()
    filterset_class = ClaimFilter
    ordering_fields = ["created_at", "updated_at", "id", "start", "status", "article"]
    ordering = ["-created_at", "-id"]
    action_permissions = {"publish": ["claims.publish_claim"]}
    conflict_actions = {"destroy"}
    if_match_actions = {"publish"}
    read_serializer_class = ClaimDetailSerializer

    def get_queryset(self):
        if self.action == "list":
            # The article gives its language (not its text). A join, not an
            # annotation: COUNT(*) for the pager then needs no join at all.
            return (
                Claim.objects.select_related("speaker", "assignee", "article")
                .only(*CLAIM_ROW, *SPEAKER_BRIEF("speaker"), *USER_BRIEF("assignee"), "article__language")
                .with_current_ratings()
            )
        claims = Claim.objects.select_related("speaker", "assignee")
        if self.action in ("update", "partial_update", "destroy", "publish"):
            # Saving checks the span against the article's text.
            return claims.select_related("article")
        return self.read_queryset()

    def read_queryset(self):
        current = Verdict.objects.current().select_related("rating", "author")
        links = ClaimSource.objects.select_related("source", "added_by").order_by("id")
        return (
            Claim.objects.select_related("speaker", "assignee", "created_by", "article")
            .defer("article__text")
            .annotate(notes_count=count_of(Note, "claim"))
            .prefetch_related(
                Prefetch("verdicts", queryset=current, to_attr="current_verdict_list"),
                Prefetch("claim_sources", queryset=links),
            )
        )

    def get_serializer_class(self):
        if self.action == "list":
            return ClaimSerializer
        if self.action in ("create", "update", "partial_update"):
            return ClaimWriteSerializer
        return ClaimDetailSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "list":
            context["ratings"] = {rating.pk: rating for rating in Rating.objects.all()}
        return context

    def check_assignment(self, claim, attrs):
        if "assignee" not in attrs:
            return
        new = attrs["assignee"]
        if (new.pk if new else None) != getattr(claim, "assignee_id", None):
            require(self.request.user, "claims.assign_claim")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attrs = dict(serializer.validated_data)
        claim_status = attrs.pop("status", ClaimStatus.NEW)
        if claim_status == ClaimStatus.PUBLISHED:
            raise ValidationError(
                {"status": [_("A new claim cannot be published yet: add a verdict and a source first.")]}
            )
        claim = Claim(**attrs, origin=ClaimOrigin.MANUAL, created_by=request.user)
        self.check_assignment(claim, attrs)
        claim.set_status(claim_status, by=request.user)
        claim.save()
        claim = self.refreshed(claim)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{claim.pk}/")
        return self.detail_response(claim, status=status.HTTP_201_CREATED, headers={"Location": location})

    def perform_conditional_update(self, serializer, token):
        claim = serializer.instance
        attrs = dict(serializer.validated_data)
        new_status = attrs.pop("status", None)
        self.check_assignment(claim, attrs)
        for name, value in attrs.items():
            setattr(claim, name, value)
        if new_status is not None and new_status != claim.status:
            if new_status == ClaimStatus.PUBLISHED:
                return self.publish_claim(claim, token)
            claim.set_status(new_status, by=self.request.user)
        save_if_current(claim, token)
        return claim

    def publish_claim(self, claim, token):
        require(self.request.user, "claims.publish_claim")
        with locked_if_current(claim, token):
            try:
                claim.publish(by=self.request.user)
            except DjangoValidationError as exc:
                raise ValidationError({"status": django_validation_errors(exc)["non_field_errors"]}) from None
        return claim

    @extend_schema(
        request=None,
        responses=ClaimDetailSerializer,
        description=_(
            "Publish the claim and its current draft verdicts (editors). Refused with the list of "
            "problems while it lacks a content verdict or a source."
        ),
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        claim = self.get_object()
        token = check_if_match(request, claim)
        if claim.status != ClaimStatus.PUBLISHED:
            self.publish_claim(claim, token)
        return self.detail_response(self.refreshed(claim))
