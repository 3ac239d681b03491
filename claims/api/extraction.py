"""The API's one call into re-extraction.

`claims.ingest.reextract_article(article, by=None)` keeps editorial work: new
claims are added, claims no longer found are removed only when nobody worked
on them, and the rest are kept. It is the extraction branch's; this module is
the single place the API depends on it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException


class ExtractionUnavailable(APIException):
    status_code = 503
    default_detail = _("Re-extraction is not available in this installation.")
    default_code = "extraction_unavailable"


def reextract(article, by=None):
    try:
        from claims.ingest import reextract_article
    except ImportError:
        raise ExtractionUnavailable() from None
    return reextract_article(article, by=by)
