"""Every error the API gives is JSON with a reason a person can act on.

The body is always `{"detail": <reason>, "code": <machine code>}`, plus
`"errors": {field: [messages]}` when input was invalid. The model layer
speaks in Django exceptions (ValidationError, PermissionDenied, StaleVersion,
VerdictLocked, ProtectedError); they are mapped here, in one place, to the
HTTP answers the schema documents.
"""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from claims.ingest import IngestError
from claims.models import StaleVersion, VerdictLocked

logger = logging.getLogger(__name__)


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = _(
        "Send the ETag you last read in an If-Match header, so that nobody's edit is overwritten."
    )
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("Someone changed this since you read it; reload it and apply your change again.")
    default_code = "precondition_failed"

    def __init__(self, detail=None, code=None, etag=None, changed_by=None):
        super().__init__(detail, code)
        self.etag = etag
        self.changed_by = changed_by


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This conflicts with the current state of the data.")
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "payload_too_large"


def too_large_detail(limit):
    return gettext("The request body is larger than the limit of %(limit)s bytes.") % {"limit": limit}


def django_validation_errors(exc):
    """{field: [messages]} from a Django ValidationError, non-field ones under "non_field_errors"."""
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): list(messages)
            for field, messages in exc.message_dict.items()
        }
    return {"non_field_errors": list(exc.messages)}


def summary(errors):
    """The first message of a validation error, with its field: the one-line reason."""
    if isinstance(errors, dict):
        for field, messages in errors.items():
            first = summary(messages)
            if field in ("non_field_errors", "detail") or not first:
                return first
            return f"{field}: {first}"
        return ""
    if isinstance(errors, list):
        return next((s for s in map(summary, errors) if s), "")
    return force_str(errors)


def translate(exc):
    """The APIException that stands for a model-layer exception (or the exception itself)."""
    if isinstance(exc, StaleVersion):
        from claims.api.etags import etag_of

        changed_by = exc.changed_by()
        detail = gettext("Someone changed this since you read it (it is now at version %(version)s).") % {
            "version": exc.current
        }
        if changed_by is not None:
            detail = gettext(
                "%(user)s changed this since you read it (it is now at version %(version)s)."
            ) % {"user": changed_by.get_username(), "version": exc.current}
        exc.instance.version = exc.current
        etag = etag_of(exc.instance) if exc.current is not None else None
        return PreconditionFailed(
            detail, etag=etag, changed_by=changed_by.get_username() if changed_by else None
        )
    if isinstance(exc, VerdictLocked):  # before ValidationError: it is one
        return Conflict(" ".join(exc.messages), code="verdict_locked")
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(django_validation_errors(exc))
    if isinstance(exc, IngestError):
        return exceptions.ValidationError({"non_field_errors": [str(exc)]}, code="ingest_error")
    if isinstance(exc, (ProtectedError, RestrictedError)):
        count = len(exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects)
        return Conflict(
            gettext("This is still used by %(count)d other record(s); it cannot be deleted.")
            % {"count": count},
            code="protected",
        )
    if isinstance(exc, IntegrityError):
        # Constraint violations that validation could not see coming (usually a race).
        return Conflict(gettext("This conflicts with a record that already exists."), code="integrity")
    if isinstance(exc, RequestDataTooBig):
        from django.conf import settings

        return PayloadTooLarge(too_large_detail(settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    return exc


def exception_handler(exc, context):
    exc = translate(exc)
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: Django's 500 handling (the middleware answers JSON)

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc.detail, (dict, list)):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        codes = exc.get_codes()
        data = {
            "detail": summary(errors) or force_str(exceptions.ValidationError.default_detail),
            "code": first_code(codes) or "invalid",
            "errors": errors,
        }
    else:
        data = {"detail": force_str(exc.detail), "code": exc.detail.code}
    if isinstance(exc, PreconditionFailed):
        if exc.etag:
            headers["ETag"] = exc.etag
            data["current_etag"] = exc.etag
        if exc.changed_by:
            data["changed_by"] = exc.changed_by

    set_rollback()
    return Response(data, status=exc.status_code, headers=headers)


def first_code(codes):
    if isinstance(codes, dict):
        return next((c for c in map(first_code, codes.values()) if c), None)
    if isinstance(codes, list):
        return next((c for c in map(first_code, codes) if c), None)
    return codes


def json_error(status_code, detail, code, headers=None):
    """An error answered before DRF is involved (middleware, URL resolution)."""
    response = JsonResponse(
        {"detail": force_str(detail), "code": code},
        status=status_code,
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response
