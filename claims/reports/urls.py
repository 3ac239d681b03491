from django.urls import path

from claims.reports import views

app_name = "reports"

urlpatterns = [
    path("<str:key>/", views.article_report, name="article"),
]
