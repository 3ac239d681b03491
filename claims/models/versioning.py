"""Optimistic locking: a version on each row that editors must not overwrite."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


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
