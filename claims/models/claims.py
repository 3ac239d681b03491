"""Claims: attributed spans of an article, and their editorial workflow."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.articles import Article
from claims.models.evidence import ClaimSource, Note
from claims.models.speakers import Speaker
from claims.models.verdicts import Scale, Verdict, VerdictStatus
from claims.models.versioning import VersionedModel


class ClaimKind(models.TextChoices):
    DIRECT = "direct", _("direct quote")
    INDIRECT = "indirect", _("indirect (reported) speech")
    MIXED = "mixed", _("mixed quote")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_REVIEW = "in_review", _("in review")
    READY = "ready", _("ready to publish")
    PUBLISHED = "published", _("published")
    DISMISSED = "dismissed", _("dismissed")


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", _("extracted")
    MANUAL = "manual", _("added by hand")


# Where a claim may go from each status by an ordinary edit. Publishing is
# not among them: it has its own checks (`Claim.publish`).
STATUS_TRANSITIONS = {
    ClaimStatus.NEW: {ClaimStatus.IN_REVIEW, ClaimStatus.READY, ClaimStatus.DISMISSED},
    ClaimStatus.IN_REVIEW: {ClaimStatus.NEW, ClaimStatus.READY, ClaimStatus.DISMISSED},
    ClaimStatus.READY: {ClaimStatus.IN_REVIEW, ClaimStatus.DISMISSED},
    ClaimStatus.PUBLISHED: {ClaimStatus.IN_REVIEW},
    ClaimStatus.DISMISSED: {ClaimStatus.NEW, ClaimStatus.IN_REVIEW},
}


class ClaimQuerySet(models.QuerySet):
    def needs_verdict(self):
        """Open claims without any content verdict yet."""
        has_content = Verdict.objects.filter(claim=OuterRef("pk"), scale=Scale.CONTENT)
        return self.exclude(status__in=[ClaimStatus.DISMISSED, ClaimStatus.PUBLISHED]).filter(
            ~Exists(has_content)
        )

    def assigned_to(self, user):
        return self.filter(assignee=user)

    def with_editorial_work(self):
        """Annotate `has_editorial_work`: whether re-extraction must leave the claim alone."""
        return self.annotate(
            has_editorial_work=Q(version__gt=1)
            | ~Q(status=ClaimStatus.NEW)
            | Q(origin=ClaimOrigin.MANUAL)
            | Exists(Verdict.objects.filter(claim=OuterRef("pk")))
            | Exists(ClaimSource.objects.filter(claim=OuterRef("pk")))
            | Exists(Note.objects.filter(claim=OuterRef("pk")))
        )

    def published(self):
        return self.filter(status=ClaimStatus.PUBLISHED)

    def with_current_ratings(self):
        """Annotate each claim with its current attribution and content rating ids.

        One correlated subquery per scale keeps list pages at a constant number
        of queries whatever the page size.
        """
        annotations = {}
        for scale in Scale:
            latest = Verdict.objects.filter(claim=OuterRef("pk"), scale=scale).order_by("-id")
            annotations[f"current_{scale.value}_rating_id"] = Subquery(latest.values("rating_id")[:1])
            annotations[f"current_{scale.value}_verdict_id"] = Subquery(latest.values("id")[:1])
        return self.annotate(**annotations)


class Claim(VersionedModel):
    article = models.ForeignKey(Article, models.CASCADE, related_name="claims", verbose_name=_("article"))
    speaker = models.ForeignKey(
        Speaker, models.PROTECT, null=True, blank=True, related_name="claims", verbose_name=_("speaker")
    )
    speaker_text = models.CharField(
        _("speaker as written"), max_length=300, blank=True, help_text=_("The mention in the article.")
    )
    speaker_role = models.CharField(_("speaker's role"), max_length=300, blank=True)
    cue = models.CharField(_("reporting cue"), max_length=100, blank=True)
    content = models.TextField(_("content"))
    kind = models.CharField(_("kind"), max_length=10, choices=ClaimKind.choices, default=ClaimKind.INDIRECT)
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    sentence = models.PositiveIntegerField(_("sentence"), null=True, blank=True)
    confidence = models.FloatField(_("extraction confidence"), null=True, blank=True)
    headline = models.CharField(_("headline"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
        verbose_name=_("assignee"),
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )
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
    sources = models.ManyToManyField(
        "Source", through="ClaimSource", related_name="claims", verbose_name=_("sources")
    )

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["article_id", "start", "id"]
        permissions = [
            ("publish_claim", _("Can publish claims")),
            ("assign_claim", _("Can assign claims")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="claim_span_not_empty"),
        ]
        indexes = [
            models.Index(fields=["article", "start"], name="claim_article_idx"),
            models.Index(fields=["status", "-created_at"], name="claim_status_idx"),
            models.Index(fields=["speaker", "-created_at"], name="claim_speaker_idx"),
            models.Index(fields=["assignee", "status"], name="claim_assignee_idx"),
            models.Index(fields=["-created_at"], name="claim_created_idx"),
            # The admin's claims list: newest articles first, each in reading order.
            models.Index(fields=["-article", "start", "id"], name="claim_desk_order_idx"),
        ]

    def __str__(self):
        return self.headline or self.content[:80]

    def save(self, *args, **kwargs):
        # Offsets are the claim's link to the evidence in the article: a span
        # that no longer matches the text is refused, however the save came.
        self.check_span()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("admin:claims_claim_change", args=[self.pk])

    def clean(self):
        super().clean()
        if self.article_id is not None:
            self.check_span()

    def check_span(self):
        text = self.article.text
        if self.start is None or self.end is None or not (0 <= self.start < self.end <= len(text)):
            raise ValidationError(
                {
                    "end": gettext("The offsets %(start)s–%(end)s are outside the article (0–%(length)s).")
                    % {"start": self.start, "end": self.end, "length": len(text)}
                }
            )
        if text[self.start : self.end] != self.content:
            raise ValidationError(
                {"content": gettext("The content must be exactly the article's text between the offsets.")}
            )

    @property
    def sentence_context(self):
        """(before, claim, after): the claim with the rest of its paragraph."""
        text = self.article.text
        para_start = text.rfind("\n", 0, self.start) + 1
        para_end = text.find("\n", self.end)
        para_end = len(text) if para_end == -1 else para_end
        return text[para_start : self.start], self.content, text[self.end : para_end]

    def current_verdict(self, scale, published_only=False):
        verdicts = self.verdicts.filter(scale=scale)
        if published_only:
            verdicts = verdicts.filter(status=VerdictStatus.PUBLISHED)
        return verdicts.order_by("-id").select_related("rating").first()

    def current_verdicts(self):
        """{scale: the latest verdict} for the scales that have one."""
        return {v.scale: v for v in self.verdicts.current().select_related("rating")}

    def can_move_to(self, status):
        return status == self.status or status in STATUS_TRANSITIONS[ClaimStatus(self.status)]

    def set_status(self, status, by=None):
        if status == ClaimStatus.PUBLISHED and self.status != ClaimStatus.PUBLISHED:
            return self.publish(by=by)
        if not self.can_move_to(status):
            raise ValidationError(
                {
                    "status": gettext("A claim cannot go from “%(old)s” to “%(new)s”.")
                    % {"old": ClaimStatus(self.status).label, "new": ClaimStatus(status).label}
                }
            )
        self.status = status

    def publication_problems(self):
        """Why this claim cannot be published yet (an empty list when it can)."""
        problems = []
        if self.status == ClaimStatus.DISMISSED:
            problems.append(gettext("A dismissed claim cannot be published."))
        if not self.verdicts.filter(scale=Scale.CONTENT).exists():
            problems.append(gettext("A content verdict is needed before publishing."))
        if not self.claim_sources.exists():
            problems.append(gettext("At least one source is needed before publishing."))
        return problems

    def publish(self, by=None):
        """Publish the claim and stamp its current verdicts as published."""
        if by is not None and not by.has_perm("claims.publish_claim"):
            raise PermissionDenied(gettext("Only editors can publish claims."))
        problems = self.publication_problems()
        if problems:
            raise ValidationError(problems)
        with transaction.atomic():
            for verdict in self.verdicts.current():
                if verdict.status == VerdictStatus.DRAFT:
                    verdict.publish(by=by)
            self.status = ClaimStatus.PUBLISHED
            self.save()
