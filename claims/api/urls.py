"""The API under /api/ (namespace "api"). factcheck/urls.py mounts it.

Resources are registered on a DefaultRouter with explicit basenames; the rows
of a claim (verdicts, source links, notes) are nested under claims/{claim_pk}/.
Addresses that match nothing get a JSON 404 from ApiRequestGuard (middleware),
so other apps may still add URLs under /api/ (the report exports do, from
claims/reports/api.py).
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import APIRootView, DefaultRouter

from claims.api import catalogue, claim_rows, views
from claims.reports import api as reports


class ApiRoot(APIRootView):
    """The list of resources: public, like the schema, so clients can discover them."""

    permission_classes = []
    authentication_classes = []


class Router(DefaultRouter):
    APIRootView = ApiRoot
    include_format_suffixes = False  # JSON is the only format


router = Router()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register(r"claims/(?P<claim_pk>[0-9]+)/verdicts", claim_rows.VerdictViewSet, basename="claim-verdict")
router.register(
    r"claims/(?P<claim_pk>[0-9]+)/sources", claim_rows.ClaimSourceViewSet, basename="claim-source"
)
router.register(r"claims/(?P<claim_pk>[0-9]+)/notes", claim_rows.NoteViewSet, basename="claim-note")
router.register("sources", catalogue.SourceViewSet, basename="source")
router.register("speakers", catalogue.SpeakerViewSet, basename="speaker")
router.register("ratings", catalogue.RatingViewSet, basename="rating")


urlpatterns = [
    path("health/", views.HealthView.as_view(), name="health"),
    path("me/", views.MeView.as_view(), name="me"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    # Reports: before the router, whose claims/{id}/ must not see "export.csv".
    path("articles/<int:pk>/report.<str:fmt>", reports.ArticleReportView.as_view(), name="article-report"),
    path("claims/export.<str:fmt>", reports.ClaimExportView.as_view(), name="claim-export"),
    *router.urls,
]
