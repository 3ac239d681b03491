"""Refuse malformed API requests before any view (or parser) touches them.

Runs for paths under /api/ only; the admin keeps Django's own handling.

- Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE get a JSON 413 without being read:
  by their Content-Length, or, for chunked bodies that have none, after
  reading at most one byte more than the limit. (DRF parses JSON straight
  from the stream, so Django's own limit would not apply to it.)
- Query strings must be UTF-8 without NUL characters: Django would silently
  replace bad bytes, and PostgreSQL refuses NUL in a query parameter with a 500.
- Addresses that match nothing get a JSON 404 (with a hint when only the
  final slash is missing: a redirect would drop a POST's body).
- Anything that still escapes as an exception is logged and answered with a
  JSON 500 instead of an HTML page.
"""

import io
import logging
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from claims.api.errors import json_error, too_large_detail

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ApiRequestGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        refusal = (
            self.check_path(request)
            or self.check_query(request)
            or self.check_body(request)
            or self.check_slash(request)
        )
        if refusal is not None:
            return refusal
        response = self.get_response(request)
        if response.status_code == 404 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            # An address that matches no URL: Django's page is HTML.
            return json_error(404, _("There is no such address in the API."), "not_found")
        return response

    def process_exception(self, request, exception):
        if not request.path_info.startswith(API_PREFIX):
            return None
        logger.exception("Unhandled error in %s %s", request.method, request.path, exc_info=exception)
        return json_error(500, _("Something went wrong on our side; it has been logged."), "server_error")

    def check_path(self, request):
        if "\x00" in request.path_info:
            return json_error(400, _("The address contains a NUL character."), "invalid_path")
        return None

    def check_slash(self, request):
        """A missing final slash is a 404 with a hint, never a redirect that drops a POST body."""
        path = request.path_info
        if path.endswith("/") or self.resolves(request, path) or not self.resolves(request, path + "/"):
            return None
        return json_error(
            404,
            _("There is no such address in the API; did you mean %(path)s?") % {"path": request.path + "/"},
            "not_found",
        )

    @staticmethod
    def resolves(request, path):
        try:
            resolve(path, getattr(request, "urlconf", None))
        except Resolver404:
            return False
        return True

    def check_query(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if not raw:
            return None
        try:
            # WSGI passes the raw bytes as a latin-1 string.
            raw_bytes = raw.encode("latin-1")
        except UnicodeEncodeError:
            raw_bytes = raw.encode("utf-8", "surrogatepass")
        try:
            decoded = unquote_to_bytes(raw_bytes.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return json_error(
                400,
                _("The query string is not valid UTF-8 (lone surrogates and stray bytes are refused)."),
                "invalid_query",
            )
        if "\x00" in decoded:
            return json_error(400, _("The query string contains a NUL character."), "invalid_query")
        return None

    def check_body(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        declared = request.META.get("CONTENT_LENGTH")
        if declared not in (None, ""):
            try:
                length = int(declared)
                if length < 0:
                    raise ValueError
            except ValueError:
                return json_error(400, _("The Content-Length header is not a number."), "invalid_length")
            if limit is not None and length > limit:
                return self.too_large(limit)
            return None
        if request.method not in BODY_METHODS or not request.META.get("wsgi.input_terminated"):
            # Without a length and without a server that ends the stream, WSGI
            # has no body to read (Django sees an empty one).
            return None
        # A chunked body: read it here, bounded, and hand it on with its length.
        stream = request.META["wsgi.input"]
        body = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(body) > limit:
            return self.too_large(limit)
        request.META["CONTENT_LENGTH"] = str(len(body))
        request._stream = io.BytesIO(body)  # what HttpRequest.read() and DRF read from
        return None

    def too_large(self, limit):
        return json_error(413, too_large_detail(limit), "payload_too_large")
