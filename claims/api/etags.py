"""ETags and If-Match: two editors never silently overwrite each other.

The ETag of a row is `"<pk>-<version>"` (a strong tag): every row an editor
can change (articles, speakers, claims, verdicts, sources, source links and
notes) has a `version` that every save bumps. It names the state of the row's
own fields: changes to related rows (a new verdict on a claim) do not change
the claim's ETag, so it is meant for If-Match, not for caching.

PATCH, PUT and DELETE must send `If-Match` with the ETag the client last
read: without it the answer is 428, with a stale one 412, and in both cases
nothing changes. The check is not a read-then-write: the write itself is
conditional (`VersionedModel.save_if_current`), so of concurrent writers from one ETag exactly one
wins. A `W/` prefix that a proxy may add is tolerated.
"""

import re
from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext as _

from claims.api.errors import PreconditionFailed, PreconditionRequired
from claims.models import StaleVersion

_TAG = re.compile(r'\s*(?:W/)?"([^"]*)"\s*(?:,|$)')


def token_of(instance):
    """The value that changes on every save."""
    return str(instance.version)


def etag_of(instance):
    return f'"{instance.pk}-{token_of(instance)}"'


def parse_if_match(header):
    """The opaque tags of an If-Match header; None when absent, [] when unusable."""
    if header is None:
        return None
    header = header.strip()
    tags, position = [], 0
    while position < len(header):
        match = _TAG.match(header, position)
        if not match:
            return []
        tags.append(match.group(1))
        position = match.end()
    return tags


def require_if_match(request, instance):
    """The expected token for a write to `instance`; 428 or 412 when there is none."""
    tags = parse_if_match(request.headers.get("If-Match"))
    if tags is None:
        raise PreconditionRequired()
    if not tags:
        raise PreconditionRequired(
            _('The If-Match header must hold the ETag you read, such as "%(etag)s".')
            % {"etag": etag_of(instance).strip('"')}
        )
    current = f"{instance.pk}-{token_of(instance)}"
    if current not in tags:
        raise stale(instance)
    return token_of(instance)


def stale(instance):
    """412 for a row that moved on, naming who saved the newer state when the history knows."""
    history = getattr(instance, "history", None)
    latest = (
        history.order_by("-history_date").select_related("history_user").first()
        if history is not None
        else None
    )
    user = latest.history_user if latest is not None else None
    if user is None:
        return PreconditionFailed(etag=etag_of(instance))
    detail = _("%(user)s changed this since you read it; reload it and apply your change again.") % {
        "user": user.get_username()
    }
    return PreconditionFailed(detail, etag=etag_of(instance), changed_by=user.get_username())


def check_if_match(request, instance):
    """For POST actions: If-Match is optional, but a stale one is still refused."""
    if request.headers.get("If-Match") is None:
        return None
    return require_if_match(request, instance)


def _lock(instance, token):
    """Take the row lock with an UPDATE that only matches the expected version."""
    model = type(instance)
    if not model._base_manager.filter(pk=instance.pk, version=int(token)).update(version=int(token)):
        raise StaleVersion(instance, int(token))


@contextmanager
def locked_if_current(instance, token):
    """Run a multi-step change (publishing, merging) only if the row is still at `token`."""
    if token is None:
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        _lock(instance, token)
        yield


def save_if_current(instance, token, **kwargs):
    instance.save_if_current(int(token), **kwargs)


def delete_if_current(instance, token):
    with transaction.atomic():
        _lock(instance, token)
        instance.delete()


class ConditionalWriteMixin:
    """A viewset whose detail answers carry an ETag and whose writes need If-Match.

    Subclasses may override `perform_conditional_update(serializer, token)` and
    `perform_conditional_destroy(instance, token)`; `detail_response(instance)`
    serializes with the read shape and sets the ETag.
    """

    def detail_response(self, instance, status=200, headers=None):
        from rest_framework.response import Response

        serializer_class = getattr(self, "read_serializer_class", None) or self.get_serializer_class()
        data = serializer_class(instance, context=self.get_serializer_context()).data
        response = Response(data, status=status, headers=headers)
        response["ETag"] = etag_of(instance)
        return response

    def refreshed(self, instance):
        """The instance again, through the read queryset (annotations, prefetches)."""
        return self.read_queryset().get(pk=instance.pk)

    def read_queryset(self):
        return self.get_queryset()

    def retrieve(self, request, *args, **kwargs):
        return self.detail_response(self.get_object())

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        token = require_if_match(request, instance)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = self.perform_conditional_update(serializer, token)
        return self.detail_response(self.refreshed(instance))

    def partial_update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

    def perform_conditional_update(self, serializer, token):
        instance = serializer.instance
        for name, value in serializer.validated_data.items():
            setattr(instance, name, value)
        save_if_current(instance, token)
        return instance

    def destroy(self, request, *args, **kwargs):
        from rest_framework.response import Response

        instance = self.get_object()
        token = require_if_match(request, instance)
        self.perform_conditional_destroy(instance, token)
        return Response(status=204)

    def perform_conditional_destroy(self, instance, token):
        delete_if_current(instance, token)
