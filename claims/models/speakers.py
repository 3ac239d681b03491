"""Speakers: one row per real source across articles, with its other names."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.models.versioning import VersionedModel
from claims.normalise import name_key


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


class Speaker(VersionedModel):
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
            for claim in other.claims.select_related("article"):
                claim.speaker = self
                claim.save(update_fields=["speaker", "updated_at"])
            self.aliases = [*self.aliases, other.name, *other.aliases]
            if other.description and not self.description:
                self.description = other.description
            other.delete()
            self.save()
        return self
