"""The API's read cache: repeated reads of unchanged data cost no database work.

A newsroom's desks and CMS poll the same lists and claims over and over
between edits, so GET answers (and the token → user → permissions lookup
behind every request) are kept in each worker's memory, keyed by a
*generation*: a counter in the shared cache (CACHE_URL, Redis) that moves on
after every change to the workbench's rows or to users, groups, permissions
and tokens. A change anywhere therefore retires every cached answer in every
worker at once; nothing is ever served from before a committed change.

The counter moves twice per change: right away, and again when the
transaction commits (a reader in between may have cached the old state; the
second move retires it). Writes that bypass model signals (QuerySet.update,
bulk_create, SQL by hand) must call `bump()`; entries also expire after
API_READ_CACHE_SECONDS as a bound on anything missed.

The cache is on when API_READ_CACHE is (by default: when CACHE_URL names a
cache shared between processes, since a per-process counter cannot see other
workers' writes).
"""

import functools
import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

logger = logging.getLogger(__name__)

GENERATION_KEY = "api:generation"


class Store:
    """This worker's kept answers and authentications: a bounded LRU dict with expiry.

    Values stay Python objects (no pickling, unlike Django's local-memory
    cache): each worker only ever reads what it put itself, and nothing put
    here is changed after it is put.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = OrderedDict()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            expires, value = entry
            if expires < time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.entries[key] = (time.monotonic() + settings.API_READ_CACHE_SECONDS, value)
            self.entries.move_to_end(key)
            while len(self.entries) > settings.API_READ_CACHE_ENTRIES:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


store = Store()


def enabled():
    return getattr(settings, "API_READ_CACHE", False)


class CacheCounter:
    """The counter in Django's default cache: right for one process (development, tests)."""

    def get(self):
        return caches["default"].get(GENERATION_KEY)

    def start(self, value):
        caches["default"].add(GENERATION_KEY, value, timeout=None)

    def incr(self):
        caches["default"].incr(GENERATION_KEY)


class RedisCounter:
    """The counter in Redis (CACHE_URL), shared by every worker.

    One client per process: Django's cache builds a new Redis client object
    on every call, which costs more than the round trip itself.
    """

    def __init__(self, url):
        import redis

        self.client = redis.Redis.from_url(url)
        self.key = f"factcheck:{GENERATION_KEY}"

    def get(self):
        value = self.client.get(self.key)
        return None if value is None else int(value)

    def start(self, value):
        self.client.set(self.key, value, nx=True)

    def incr(self):
        if self.client.exists(self.key):
            self.client.incr(self.key)
        else:
            raise ValueError("no generation yet")


@functools.cache
def counter(url):
    return RedisCounter(url) if url.startswith(("redis://", "rediss://", "unix://")) else CacheCounter()


def shared():
    return counter(getattr(settings, "CACHE_URL", "") or "")


def current_generation():
    """The generation now, or None when the shared cache cannot be reached (nothing is cached then)."""
    try:
        value = shared().get()
        if value is None:
            # A fresh counter starts at a random point, so that an emptied
            # shared cache never brings back an old generation's answers.
            shared().start(secrets.randbits(48))
            value = shared().get()
        return value
    except Exception:
        logger.exception("The shared cache cannot be reached; API answers are not cached")
        return None


def generation(request):
    """The generation for this request, read once (authentication and the answer share it)."""
    request = getattr(request, "_request", request)
    if not enabled():
        return None
    if not hasattr(request, "_api_generation"):
        request._api_generation = current_generation()
    return request._api_generation


def _move_on():
    try:
        shared().incr()
    except ValueError:  # no counter yet: the next reader starts one
        pass
    except Exception:
        logger.exception("Could not move the API cache generation on")


def bump():
    """Retire every cached answer: now, and again when the current transaction commits."""
    if not enabled():
        return
    _move_on()
    transaction.on_commit(_move_on)


def key(*parts):
    return hashlib.blake2b(":".join(map(str, parts)).encode("utf-8"), digest_size=20).hexdigest()


def get(*parts):
    return store.get(key(*parts))


def put(value, *parts):
    store.put(key(*parts), value)


def _changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        bump()


def connect_invalidation():
    """Called from ClaimsConfig.ready(): every process that writes moves the generation on."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from rest_framework.authtoken.models import Token

    User = get_user_model()
    senders = [
        model
        for model in apps.get_app_config("claims").get_models()
        if not model.__name__.startswith("Historical")  # the change itself already counts
    ]
    for model in [*senders, User, Group, Permission, Token]:
        uid = f"api-cache-{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"api-cache-{through._meta.label_lower}")


class ReadCacheMixin:
    """GET list and retrieve answers from the read cache, per user, language and address."""

    def list(self, request, *args, **kwargs):
        return self.cached(request, super().list, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.cached(request, super().retrieve, *args, **kwargs)

    def cached(self, request, answer, *args, **kwargs):
        from django.http import HttpResponse
        from rest_framework.renderers import JSONRenderer

        current = generation(request) if request.method == "GET" else None
        if current is None:
            return answer(request, *args, **kwargs)
        # Per user ("assignee=me", who may edit a note), per language (rating
        # labels, messages) and per host (the pager's absolute links).
        parts = ("answer", current, request.user.pk, translation.get_language(), request.build_absolute_uri())
        hit = get(*parts)
        if hit is not None:
            body, etag = hit
            response = HttpResponse(body, content_type="application/json")
            if etag:
                response["ETag"] = etag
            return response
        response = answer(request, *args, **kwargs)
        if response.status_code == 200 and hasattr(response, "data"):
            put((JSONRenderer().render(response.data), response.get("ETag")), *parts)
        return response
