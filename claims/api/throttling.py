"""Request rates per client, from settings (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).

DRF's own classes read the rates once, at import; these read them per
request, so a deployment (or a test) can change them with the settings.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class SettingsRate:
    def get_rate(self):
        # A missing or empty rate means "no limit" for that scope.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or None


class AnonThrottle(SettingsRate, AnonRateThrottle):
    """Anonymous requests are refused anyway; this slows down token guessing."""


class UserThrottle(SettingsRate, UserRateThrottle):
    pass


class IngestThrottle(SettingsRate, UserRateThrottle):
    """Ingestion extracts claims: it costs far more than a read."""

    scope = "ingest"
