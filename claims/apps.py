from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Fact-checking")

    def ready(self):
        from claims.models import Verdict, refuse_deleting_published_verdicts

        pre_delete.connect(refuse_deleting_published_verdicts, sender=Verdict, dispatch_uid="verdict_locked")

        from claims.api.cache import connect_invalidation

        connect_invalidation()
