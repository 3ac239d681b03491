"""Verdicts on the two rating scales: attribution (did the speaker say it?) and
content (is it true?). Published verdicts are never changed or deleted."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.versioning import VersionedModel

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))


class Scale(models.TextChoices):
    ATTRIBUTION = "attribution", _("attribution (did the speaker say it?)")
    CONTENT = "content", _("content (is it true?)")


class Rating(models.Model):
    scale = models.CharField(_("scale"), max_length=12, choices=Scale.choices)
    label = models.CharField(_("label"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=50)
    value = models.SmallIntegerField(
        _("value"),
        help_text=_("Ordinal position on the scale (ClaimReview ratingValue); 0 when off the scale."),
    )
    colour = models.CharField(_("colour"), max_length=7, validators=[colour_validator], default="#6e7781")
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["scale", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["scale", "slug"], name="rating_slug_unique_per_scale")]

    def __str__(self):
        return f"{Scale(self.scale).label}: {self.display_label}"

    @property
    def display_label(self):
        # The default labels are in the translation catalogue; a newsroom's own
        # labels fall through unchanged.
        return gettext(self.label)


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class VerdictLocked(ValidationError):
    """A published verdict was about to be changed or deleted."""


class VerdictQuerySet(models.QuerySet):
    def current(self):
        """The latest verdict of each claim on each scale; earlier ones are history."""
        later = Verdict.objects.filter(
            claim=OuterRef("claim"), scale=OuterRef("scale"), id__gt=OuterRef("id")
        )
        return self.filter(~Exists(later))

    def published(self):
        return self.filter(status=VerdictStatus.PUBLISHED)


class Verdict(VersionedModel):
    claim = models.ForeignKey(
        "claims.Claim", models.CASCADE, related_name="verdicts", verbose_name=_("claim")
    )
    scale = models.CharField(_("scale"), max_length=12, choices=Scale.choices)
    rating = models.ForeignKey(Rating, models.PROTECT, related_name="verdicts", verbose_name=_("rating"))
    explanation = models.TextField(_("explanation"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="verdicts",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
        help_text=_("The published verdict this one corrects."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = VerdictQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["claim_id", "scale", "-id"]
        permissions = [("publish_verdict", _("Can publish verdicts"))]
        indexes = [models.Index(fields=["claim", "scale", "-id"], name="verdict_current_idx")]

    def __str__(self):
        return f"{Scale(self.scale).label}: {self.rating.display_label}"

    def save(self, *args, **kwargs):
        if getattr(self, "_stored_status", None) == VerdictStatus.PUBLISHED and not self._state.adding:
            raise VerdictLocked(gettext("A published verdict cannot be changed; add a correction instead."))
        if not self.scale and self.rating_id:
            self.scale = self.rating.scale
        self.clean()
        if self.status == VerdictStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        self._stored_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance

    def clean(self):
        super().clean()
        if self.rating_id and self.scale and self.rating.scale != self.scale:
            raise ValidationError(
                {
                    "rating": gettext("“%(rating)s” is not a rating on the %(scale)s scale.")
                    % {"rating": self.rating.display_label, "scale": Scale(self.scale).label}
                }
            )
        if self.corrects_id:
            if self.corrects.claim_id != self.claim_id or self.corrects.scale != self.scale:
                raise ValidationError(
                    {"corrects": gettext("A correction must be of the same claim and scale.")}
                )
            if self.corrects.status != VerdictStatus.PUBLISHED:
                raise ValidationError({"corrects": gettext("Only a published verdict needs a correction.")})

    @property
    def is_current(self):
        return not Verdict.objects.filter(claim_id=self.claim_id, scale=self.scale, id__gt=self.id).exists()

    def publish(self, by=None):
        if by is not None and not by.has_perm("claims.publish_verdict"):
            raise PermissionDenied(gettext("Only editors can publish verdicts."))
        if self.status == VerdictStatus.PUBLISHED:
            return
        self.status = VerdictStatus.PUBLISHED
        self.published_at = timezone.now()
        # Bypass the lock in save(): this is the one transition into it.
        self._stored_status = VerdictStatus.DRAFT
        self.save()

    def correct(self, rating, explanation, by=None):
        """A new draft verdict that corrects this published one."""
        if self.status != VerdictStatus.PUBLISHED:
            raise ValidationError(
                gettext("Only a published verdict needs a correction; edit the draft instead.")
            )
        return Verdict.objects.create(
            claim=self.claim,
            scale=self.scale,
            rating=rating,
            explanation=explanation,
            author=by,
            corrects=self,
        )


def refuse_deleting_published_verdicts(sender, instance, **kwargs):
    """pre_delete receiver: also fires when a claim or article delete cascades."""
    if instance.status == VerdictStatus.PUBLISHED:
        raise VerdictLocked(gettext("A published verdict cannot be deleted; add a correction instead."))
