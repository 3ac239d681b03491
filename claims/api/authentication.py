"""Token authentication in one query: the token, its user and the user's permissions.

Every API request checks model permissions. DRF's TokenAuthentication reads
the token and user, then Django's ModelBackend reads the permissions with two
more queries (the user's own, the groups'). Here one plain SQL query reads
all three, and the permissions prime the backend's per-request cache
(`_perm_cache`), so `user.has_perm()` asks the database nothing more. Nothing
is cached across requests: a token deleted or a group changed in the admin
applies to the very next request. The answers (and their messages) are DRF's.

With the read cache on (claims/api/cache.py), the result is kept per worker
for the current generation, which any change to tokens, users, groups or
permissions moves on: still never a stale answer after a change.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from claims.api import cache


class TokenAuthentication(authentication.TokenAuthentication):
    @cached_property
    def user_fields(self):
        return [field.attname for field in get_user_model()._meta.concrete_fields]

    def sql(self, connection):
        User = get_user_model()
        q = connection.ops.quote_name
        user_permissions = User.user_permissions.through._meta
        user_groups = User.groups.through._meta
        group_permissions = Group.permissions.through._meta
        perm, ct = Permission._meta.db_table, ContentType._meta.db_table
        columns = ", ".join(f"u.{q(name)}" for name in self.user_fields)
        names = (
            f"JOIN {q(perm)} p ON p.{q('id')} = x.{q('permission_id')} "
            f"JOIN {q(ct)} ct ON ct.{q('id')} = p.{q('content_type_id')}"
        )
        return (
            f"SELECT t.{q('created')}, {columns}, perms.app_label, perms.codename "
            f"FROM {q(Token._meta.db_table)} t "
            f"JOIN {q(User._meta.db_table)} u ON u.{q('id')} = t.{q('user_id')} "
            f"LEFT JOIN ("
            f"SELECT x.{q(user_permissions.get_field('user').column)} AS user_id, "
            f"ct.{q('app_label')} AS app_label, p.{q('codename')} AS codename "
            f"FROM {q(user_permissions.db_table)} x {names} "
            f"UNION ALL "
            f"SELECT g.{q(user_groups.get_field('user').column)}, ct.{q('app_label')}, p.{q('codename')} "
            f"FROM {q(user_groups.db_table)} g "
            f"JOIN {q(group_permissions.db_table)} x "
            f"ON x.{q(group_permissions.get_field('group').column)} = g.{q(user_groups.get_field('group').column)} "
            f"{names}"
            f") perms ON perms.user_id = u.{q('id')} "
            f"WHERE t.{q('key')} = %s"
        )

    @staticmethod
    def convert(connection, field, value):
        """What the ORM would have made of a raw column (booleans on SQLite, for one)."""
        column = field.get_col(field.model._meta.db_table)
        for converter in [*connection.ops.get_db_converters(column), *field.get_db_converters(connection)]:
            value = converter(value, column, connection)
        return value

    def authenticate(self, request):
        self.request = request
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        current = cache.generation(getattr(self, "request", None)) if cache.enabled() else None
        if current is not None:
            hit = cache.get("token", current, key)
            if hit is not None:
                return hit
        user, token = self.read_credentials(key)
        if current is not None:
            cache.put((user, token), "token", current, key)
        return user, token

    def read_credentials(self, key):
        User = get_user_model()
        alias = router.db_for_read(Token)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql(connection), [key])
            rows = cursor.fetchall()
        if not rows:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        width = len(self.user_fields)
        values = [
            self.convert(connection, field, value)
            for field, value in zip(User._meta.concrete_fields, rows[0][1 : 1 + width], strict=True)
        ]
        user = User.from_db(alias, self.user_fields, values)
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        user._perm_cache = {f"{app}.{codename}" for *_, app, codename in rows if codename is not None}
        token = Token.from_db(alias, ["key", "user_id", "created"], [key, user.pk, rows[0][0]])
        token.user = user
        return user, token
