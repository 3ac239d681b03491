"""Who may do what: the Django model permissions of the newsroom groups.

The groups Viewer, Fact-checker and Editor (migration 0003) carry ordinary
model permissions, so the admin and the API agree, and a newsroom that
changes a group in the admin changes the API too. Anonymous requests get 401
(TokenAuthentication comes first, so the answer carries WWW-Authenticate);
signed-in users without the permission, including users in no group, get 403
with the permission they lack.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ModelPermissions(BasePermission):
    """Reads need `view_<model>`, POST `add_`, PUT/PATCH `change_`, DELETE `delete_`.

    A view's verbs (@action) name their own permissions in
    `action_permissions = {"publish": ["claims.publish_claim"]}`.
    """

    perms_map = {
        "GET": "view",
        "HEAD": "view",
        "OPTIONS": "view",
        "POST": "add",
        "PUT": "change",
        "PATCH": "change",
        "DELETE": "delete",
    }

    def required_permissions(self, request, view):
        actions = getattr(view, "action_permissions", {})
        if getattr(view, "action", None) in actions:
            return list(actions[view.action])
        verb = self.perms_map.get(request.method)
        if verb is None or (hasattr(view, "action") and view.action is None):
            return []  # a method the view does not have: it answers 405
        model = view.queryset.model
        return [f"{model._meta.app_label}.{verb}_{model._meta.model_name}"]

    def has_permission(self, request, view):
        user = request.user
        if not user or not user.is_authenticated:
            return False
        missing = [perm for perm in self.required_permissions(request, view) if not user.has_perm(perm)]
        if missing:
            self.message = missing_permission_message(missing)
            return False
        return True


def missing_permission_message(perms):
    return _("Your account does not have the permission %(perms)s for this.") % {"perms": ", ".join(perms)}


class IsAuthor(BasePermission):
    """Notes belong to whoever wrote them: only the author may edit or delete one."""

    message = gettext_lazy("Only the author of this note can change or delete it.")

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or obj.can_edit(request.user)


class IsSignedIn(BasePermission):
    """Any signed-in user, in a group or not (for `me/`: it explains what they may do)."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)
