"""The API under /api/ (namespace "api"). factcheck/urls.py mounts it.

Resources are registered on a DefaultRouter with explicit basenames; the rows
of a claim (verdicts, source links, notes) are nested under claims/{claim_pk}/.
Anything else under /api/ is a JSON 404.
"""

from django.urls import Resolver404, path, re_path, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import APIRootView, DefaultRouter

from claims.api import views
from claims.api.errors import json_error


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
router.register(r"claims/(?P<claim_pk>[0-9]+)/verdicts", views.VerdictViewSet, basename="claim-verdict")
router.register(r"claims/(?P<claim_pk>[0-9]+)/sources", views.ClaimSourceViewSet, basename="claim-source")
router.register(r"claims/(?P<claim_pk>[0-9]+)/notes", views.NoteViewSet, basename="claim-note")
router.register("sources", views.SourceViewSet, basename="source")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("ratings", views.RatingViewSet, basename="rating")


@csrf_exempt  # a POST to a wrong address is a 404, not a CSRF failure page
def not_found(request, *args, **kwargs):
    """Unknown addresses answer JSON too, with a hint when only the final slash is missing."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return json_error(
                404,
                _("There is no such address in the API; did you mean %(path)s?")
                % {"path": request.path + "/"},
                "not_found",
            )
    return json_error(404, _("There is no such address in the API."), "not_found")


urlpatterns = [
    path("health/", views.HealthView.as_view(), name="health"),
    path("me/", views.MeView.as_view(), name="me"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    re_path(r"^[\s\S]*$", not_found),  # any path, newlines included
]
