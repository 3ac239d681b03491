"""The OpenAPI schema: every answer an operation can give is documented.

Error answers are added by rule rather than by hand on each view, so a new
endpoint is documented the same way as the others:

- 400 where a body is read or a list takes filters; 413 and 415 where a body is read;
- 401 wherever a sign-in is needed, 403 wherever model permissions apply;
- 404 on every path with an id;
- 409 on the actions a view lists in `conflict_actions`;
- 412 and 428 (plus the If-Match header) on PUT, PATCH and DELETE of rows
  with an ETag, and 412 on POST verbs listed in `if_match_actions`;
- 429 wherever a throttle applies.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from claims.api.etags import ConditionalWriteMixin
from claims.api.permissions import ModelPermissions

ERROR_DESCRIPTIONS = {
    "400": _("Invalid input; `errors` says which field and why. Nothing was stored."),
    "401": _("Not signed in: send `Authorization: Token <key>` (or use a session)."),
    "403": _("Signed in, but without the permission for this."),
    "404": _("No such row (or no such page)."),
    "409": _("Conflicts with the current data (a duplicate, a published verdict, a row still in use)."),
    "412": _("The If-Match ETag is stale: someone changed the row since. `current_etag` holds the new one."),
    "413": _("The body is larger than the configured limit (DATA_UPLOAD_MAX_MEMORY_SIZE)."),
    "415": _("The body is not JSON."),
    "428": _("If-Match is missing: send the ETag you read."),
    "429": _("Too many requests; retry after the number of seconds in Retry-After."),
}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("The reason, for a person."))
    code = serializers.CharField(help_text=_("The reason, for a program."))
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text=_(
            "Per field, what is wrong with it (invalid input only): a list of messages, or for "
            "lists and nested objects the same structure by index or key."
        ),
    )
    current_etag = serializers.CharField(required=False, help_text=_("The row's ETag now (412 only)."))
    changed_by = serializers.CharField(required=False, help_text=_("Who saved the newer version (412 only)."))


class NestedIdExtension(OpenApiSerializerFieldExtension):
    """NestedId fields are an integer id in requests and an object in responses."""

    target_class = "claims.api.serializers.base.NestedId"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            schema = build_basic_type(OpenApiTypes.INT)
        else:
            component = auto_schema.resolve_serializer(self.target.serializer_class, direction)
            schema = component.ref
        if self.target.allow_null:
            schema = (
                {"allOf": [schema], "nullable": True} if "$ref" in schema else {**schema, "nullable": True}
            )
        return schema


class ApiSchema(AutoSchema):
    IF_MATCH = OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        required=True,
        description=_('The ETag you read, e.g. "12-3". Without it: 428; stale: 412 and nothing changes.'),
    )
    IF_MATCH_OPTIONAL = OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        required=False,
        description=_("Optional: when given and stale, the answer is 412 and nothing changes."),
    )
    ETAG = OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 201],
        description=_("The row's version, to send back in If-Match."),
    )

    @property
    def action(self):
        return getattr(self.view, "action", None)

    def is_conditional(self):
        return isinstance(self.view, ConditionalWriteMixin)

    def is_detail(self):
        return "{" in self.path

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.is_conditional():
            if self.method in ("PUT", "PATCH", "DELETE"):
                parameters.append(self.IF_MATCH)
            elif self.action in getattr(self.view, "if_match_actions", ()):
                parameters.append(self.IF_MATCH_OPTIONAL)
            if (self.is_detail() and self.method != "DELETE") or self.action == "create":
                parameters.append(self.ETAG)
        return parameters

    def error_codes(self):
        codes = set()
        method, view = self.method, self.view
        has_body = method in ("POST", "PUT", "PATCH")
        permission_classes = getattr(view, "permission_classes", [])
        # Any request can carry a malformed query string (ApiRequestGuard).
        codes.add("400")
        if has_body:
            codes |= {"413", "415"}
        if method == "DELETE":
            codes.add("413")
        if AllowAny not in permission_classes:
            codes.add("401")
            if any(issubclass(p, ModelPermissions) for p in permission_classes):
                codes.add("403")
            if getattr(view, "throttle_classes", None) or getattr(view, "action", None):
                codes.add("429")
        if self.is_detail() or (has_body and self.path.count("{") > 0):
            codes.add("404")
        if self._get_paginator() and method == "GET" and self._is_list_view():
            codes.add("404")  # a page past the last one
        if self.action in getattr(view, "conflict_actions", ()):
            codes.add("409")
        if self.is_conditional() and method in ("PUT", "PATCH", "DELETE"):
            codes |= {"412", "428"}
        if self.action in getattr(view, "if_match_actions", ()):
            codes.add("412")
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self.error_codes()):
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = str(ERROR_DESCRIPTIONS[code])
                responses[code] = response
        return responses
