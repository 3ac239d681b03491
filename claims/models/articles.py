"""Articles: the text exactly as ingested, and its metadata."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.versioning import VersionedModel
from claims.normalise import content_hash

language_code_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("Enter an ISO 639 language code such as “ar” or “en”."),
)


class Article(VersionedModel):
    title = models.CharField(_("title"), max_length=500)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True, unique=True, editable=False)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_at = models.DateField(_("published on"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=12, validators=[language_code_validator])
    text = models.TextField(_("text"), help_text=_("Exactly as ingested; never altered afterwards."))
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
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

    # The text never changes after ingestion, so the history keeps metadata only.
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="article_url_unique_when_given",
                violation_error_message=_("Another article already has this URL."),
            ),
        ]
        indexes = [
            models.Index(fields=["language", "-created_at"], name="article_language_idx"),
            models.Index(fields=["published_at"], name="article_published_idx"),
            models.Index(fields=["publisher"], name="article_publisher_idx"),
        ]

    def __str__(self):
        return self.title or self.slug

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.content_hash = content_hash(self.text)
            if not self.slug:
                self.slug = self.make_slug()
        else:
            stored = getattr(self, "_stored_text", None)
            if stored is not None and "text" in self.__dict__ and self.text != stored:
                raise ValidationError(
                    {"text": gettext("An article's text cannot be changed after ingestion.")}
                )
        super().save(*args, **kwargs)
        self._stored_text = self.__dict__.get("text")

    def get_absolute_url(self):
        return reverse("admin:claims_article_change", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_text = instance.__dict__.get("text")
        return instance

    def make_slug(self):
        # The hash suffix keeps slugs unique without a query, and stable when
        # the title is later edited.
        base = slugify(self.title, allow_unicode=True)[:100].strip("-")
        return f"{base}-{self.content_hash[:8]}" if base else self.content_hash[:12]

    @property
    def is_rtl(self):
        return self.language.split("-")[0] in ("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv")
