from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
    # The language switch (English / العربية) posts here.
    path("i18n/", include("django.conf.urls.i18n")),
    # The REST API and its documentation (/api/schema/, /api/docs/).
    path("api/", include(("claims.api.urls", "api"), namespace="api")),
    path("reports/", include("claims.reports.urls", namespace="reports")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
