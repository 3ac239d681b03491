"""Evidence and notes: sources, their links to claims with a stance, and the
newsroom's internal notes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from claims.models.versioning import VersionedModel


class SourceKind(models.TextChoices):
    PRIMARY = "primary", _("primary document")
    TRANSCRIPT = "transcript", _("transcript")
    OFFICIAL = "official", _("official statement")
    NEWS = "news", _("news report")
    DATASET = "dataset", _("dataset")
    OTHER = "other", _("other")


class Source(VersionedModel):
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=SourceKind.choices, default=SourceKind.OTHER)
    published_at = models.DateField(_("published on"), null=True, blank=True)
    accessed_at = models.DateTimeField(_("accessed at"), null=True, blank=True)
    archive_url = models.URLField(_("archive URL"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique_when_given",
                violation_error_message=_("Another source already has this URL."),
            ),
        ]

    def __str__(self):
        return self.title or self.url


class Stance(models.TextChoices):
    SUPPORTS = "supports", pgettext_lazy("evidence stance", "supports")
    REFUTES = "refutes", pgettext_lazy("evidence stance", "refutes")
    CONTEXT = "context", pgettext_lazy("evidence stance", "gives context")


class ClaimSource(VersionedModel):
    claim = models.ForeignKey(
        "claims.Claim", models.CASCADE, related_name="claim_sources", verbose_name=_("claim")
    )
    source = models.ForeignKey(Source, models.PROTECT, related_name="claim_links", verbose_name=_("source"))
    stance = models.CharField(_("stance"), max_length=10, choices=Stance.choices, default=Stance.CONTEXT)
    excerpt = models.TextField(_("excerpt"), blank=True)
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim source")
        verbose_name_plural = _("claim sources")
        ordering = ["claim_id", "id"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="claim_source_once")]

    def __str__(self):
        return f"{Stance(self.stance).label}: {self.source}"


class Note(VersionedModel):
    claim = models.ForeignKey("claims.Claim", models.CASCADE, related_name="notes", verbose_name=_("claim"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="claim_notes",
        verbose_name=_("author"),
    )
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["claim_id", "created_at", "id"]

    def __str__(self):
        return self.body[:60]

    def can_edit(self, user):
        return user.is_superuser or (self.author_id is not None and self.author_id == user.pk)
