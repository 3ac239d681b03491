"""Report downloads through the API.

    GET /api/articles/{id}/report.{fmt}?audience=public|internal
    GET /api/claims/export.{fmt}?audience=…&<the claims list's filters>

The public audience is open to any signed-in user: it holds only what the
newsroom has published. The internal one (notes, drafts, assignees) needs
the right to edit claims, which Fact-checkers and Editors have.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from claims.api.filters import ClaimFilter
from claims.models import Article, Claim
from claims.reports import FORMATS, Audience, Report, http_response

AUDIENCE = OpenApiParameter(
    "audience",
    OpenApiTypes.STR,
    enum=list(Audience.values),
    description=_("public (the default): published verdicts only. internal: everything, for the newsroom."),
)
FORMAT = OpenApiParameter(
    "fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(FORMATS), description=_("The report format.")
)
# What each media type's body is, as far as a schema can say.
BODIES = {
    "application/json": OpenApiTypes.OBJECT,
    "application/ld+json": {"type": "array", "items": {"type": "object"}},
}
ANSWERS = {
    **{
        (200, media): OpenApiResponse(BODIES.get(media, OpenApiTypes.BINARY), description=_("The report."))
        for media in (fmt.content_type.split(";")[0] for fmt in FORMATS.values())
    },
    400: OpenApiResponse(description=_("An unknown audience or filter value.")),
    401: OpenApiResponse(description=_("Not signed in.")),
    403: OpenApiResponse(description=_("The internal audience needs a Fact-checker or Editor.")),
    404: OpenApiResponse(description=_("No such article, or an unknown format.")),
}


class ReportView(APIView):
    permission_classes = [IsAuthenticated]

    def audience(self, request):
        value = request.query_params.get("audience", Audience.PUBLIC)
        if value not in Audience.values:
            raise ValidationError(
                {"audience": _("Choose one of: %(choices)s.") % {"choices": ", ".join(Audience.values)}}
            )
        if value not in Audience.readable_by(request.user):
            raise PermissionDenied(_("Internal reports are for Fact-checkers and Editors."))
        return Audience(value)

    def check_format(self, fmt):
        if fmt not in FORMATS:
            raise NotFound(
                _("There is no report format “%(format)s”; choose one of: %(choices)s.")
                % {"format": fmt, "choices": ", ".join(FORMATS)}
            )


class ArticleReportView(ReportView):
    """One article's report."""

    @extend_schema(parameters=[FORMAT, AUDIENCE], responses=ANSWERS, tags=["reports"])
    def get(self, request, pk, fmt):
        self.check_format(fmt)
        audience = self.audience(request)
        article = get_object_or_404(Article.objects.defer("text"), pk=pk)
        return http_response(Report.for_article(article, audience), fmt)


class ClaimExportView(ReportView):
    """The claims that the claims list's filters select, as a report."""

    @extend_schema(parameters=[FORMAT, AUDIENCE], responses=ANSWERS, tags=["reports"])
    def get(self, request, fmt):
        self.check_format(fmt)
        audience = self.audience(request)
        params = request.query_params.copy()
        params.pop("audience", None)
        filters = ClaimFilter(params, queryset=Claim.objects.all(), request=request)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        return http_response(Report.for_claims(filters.qs, audience), fmt)
