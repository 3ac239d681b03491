"""The workbench's data: articles, the claims found in them, and the newsroom's
verdicts, evidence and notes about those claims."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.normalise import content_hash, name_key

language_code_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("Enter an ISO 639 language code such as “ar” or “en”."),
)
colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))


class StaleVersion(Exception):
    """Raised when a row changed since the editor loaded it (its version moved on)."""

    def __init__(self, instance, expected):
        self.instance = instance
        self.expected = expected
        self.current = (
            type(instance)._base_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
        )
        super().__init__(
            f"{instance._meta.verbose_name} {instance.pk} is at version {self.current}, not {expected}"
        )

    def changed_by(self):
        """Who saved the version that won, from the history (None when unknown)."""
        history = getattr(self.instance, "history", None)
        latest = history.order_by("-history_date").first() if history is not None else None
        return latest.history_user if latest else None


class VersionedModel(models.Model):
    """A row with an optimistic-locking version, bumped on every save.

    Editors who must not overwrite each other save with `save_if_current()`:
    it takes the row lock with a conditional UPDATE first, so of two concurrent
    saves from the same version exactly one wins and the other gets StaleVersion.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def save_if_current(self, expected_version, **kwargs):
        with transaction.atomic():
            locked = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=expected_version)
                .update(version=expected_version)
            )
            if not locked:
                raise StaleVersion(self, expected_version)
            self.version = expected_version
            self.save(**kwargs)


class Article(models.Model):
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


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("person")
    ORGANISATION = "organisation", _("organisation")
    GOVERNMENT = "government", _("government or place")
    DOCUMENT = "document", _("document")
    UNNAMED = "unnamed", _("unnamed source")


class SpeakerQuerySet(models.QuerySet):
    def matching(self, name):
        """Speakers whose name or one of whose aliases normalises like `name`."""
        key = name_key(name)
        if not key:
            return self.none()
        return self.filter(Q(key=key) | Q(search_keys__contains=f"|{key}|"))

    def resolve(self, name, aliases=(), kind=SpeakerKind.PERSON):
        """The one Speaker row for this source, created or enriched as needed.

        "بيسكوف" in one article and "ديمتري بيسكوف" in another are the same
        row: a mention matches a speaker by name or alias, and a bare surname
        matches the one person whose full name ends with it (only when exactly
        one does, so two Smiths are never merged by accident). A fuller name
        than the stored one becomes the name, and the old one an alias.
        """
        mentions = [m.strip() for m in (name, *aliases) if m and m.strip()]
        if not mentions:
            raise ValueError("a speaker needs a name")
        keys = list(dict.fromkeys(k for k in map(name_key, mentions) if k))
        found = self.filter(Q(key__in=keys) | _any_contains("search_keys", keys)).first()
        if found is None and kind == SpeakerKind.PERSON:
            found = self._one_person_by_surname(keys)
        if found is None:
            speaker = self.model(name=mentions[0], kind=kind, aliases=mentions[1:])
            try:
                with transaction.atomic():
                    speaker.save()
                return speaker
            except IntegrityError:
                # Another request created the same speaker a moment ago.
                found = self.get(key=name_key(mentions[0]))
        if found.absorb(mentions):
            found.save()
        return found

    def _one_person_by_surname(self, keys):
        """The single person a surname points at, either way round, or None."""
        for key in keys:
            if " " in key:  # a full name: is there one person stored by its surname?
                candidates = self.filter(kind=SpeakerKind.PERSON, key=key.rsplit(" ", 1)[1])
            else:  # a bare surname: is there one person whose full name ends with it?
                candidates = self.filter(kind=SpeakerKind.PERSON, key__endswith=f" {key}")
            candidates = list(candidates[:2])
            if len(candidates) == 1:
                return candidates[0]
        return None


def _any_contains(field, keys):
    condition = Q()
    for key in keys:
        condition |= Q(**{f"{field}__contains": f"|{key}|"})
    return condition


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=300, help_text=_("The fullest form of the name."))
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("Other names of this source.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    description = models.TextField(_("description"), blank=True)
    key = models.CharField(_("name key"), max_length=300, unique=True, editable=False)
    # "|key|alias key|...|": lets one indexed LIKE find a speaker by any of its
    # names on both PostgreSQL and SQLite (JSON containment is not portable).
    search_keys = models.TextField(_("search keys"), editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name", "id"]
        permissions = [("merge_speakers", _("Can merge speakers"))]
        indexes = [models.Index(fields=["kind", "name"], name="speaker_kind_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        own = {self.key}
        aliases = []
        for alias in self.aliases or []:
            alias_key = name_key(alias)
            if alias_key and alias_key not in own:
                own.add(alias_key)
                aliases.append(alias.strip())
        self.aliases = aliases
        self.search_keys = "|" + "|".join([self.key, *(name_key(a) for a in aliases)]) + "|"
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key", "aliases", "search_keys"}
        super().save(*args, **kwargs)

    def clean(self):
        if not name_key(self.name):
            raise ValidationError({"name": gettext("A speaker needs a name with letters in it.")})
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": gettext("Aliases must be a list of names.")})
        clash = Speaker.objects.filter(key=name_key(self.name)).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"name": gettext("The speaker “%(name)s” already exists.") % {"name": clash}}
            )

    def absorb(self, mentions):
        """Take in names seen for this speaker; True when something changed."""
        changed = False
        for mention in mentions:
            key = name_key(mention)
            if not key or f"|{key}|" in self.search_keys or key == self.key:
                continue
            # A fuller form that contains the stored name becomes the name.
            if len(key) > len(self.key) and re.search(rf"(^| ){re.escape(self.key)}( |$)", key):
                self.aliases = [self.name, *self.aliases]
                self.name = mention
            else:
                self.aliases = [*self.aliases, mention]
            self.key = name_key(self.name)
            self.search_keys = "|" + "|".join([self.key, *map(name_key, self.aliases)]) + "|"
            changed = True
        return changed

    def merge(self, other, by=None):
        """Fold `other` into this speaker: its claims, names and description."""
        if other.pk == self.pk:
            raise ValidationError(gettext("A speaker cannot be merged into itself."))
        if by is not None and not by.has_perm("claims.merge_speakers"):
            raise PermissionDenied(gettext("Only editors can merge speakers."))
        with transaction.atomic():
            for claim in Claim.objects.filter(speaker=other).select_related("article"):
                claim.speaker = self
                claim.save(update_fields=["speaker", "updated_at"])
            self.aliases = [*self.aliases, other.name, *other.aliases]
            if other.description and not self.description:
                self.description = other.description
            other.delete()
            self.save()
        return self


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


class Scale(models.TextChoices):
    ATTRIBUTION = "attribution", _("attribution (did the speaker say it?)")
    CONTENT = "content", _("content (is it true?)")


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
    claim = models.ForeignKey(Claim, models.CASCADE, related_name="verdicts", verbose_name=_("claim"))
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
    claim = models.ForeignKey(Claim, models.CASCADE, related_name="claim_sources", verbose_name=_("claim"))
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
    claim = models.ForeignKey(Claim, models.CASCADE, related_name="notes", verbose_name=_("claim"))
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


def refuse_deleting_published_verdicts(sender, instance, **kwargs):
    """pre_delete receiver: also fires when a claim or article delete cascades."""
    if instance.status == VerdictStatus.PUBLISHED:
        raise VerdictLocked(gettext("A published verdict cannot be deleted; add a correction instead."))
