"""The three newsroom roles, shared by the admin and the API.

Viewer reads; Fact-checker also creates and edits claims, draft verdicts,
sources and notes; Editor also publishes, assigns, deletes and merges speakers.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["article", "speaker", "claim", "rating", "verdict", "source", "claimsource", "note"]
EDITORIAL = ["speaker", "claim", "verdict", "source", "claimsource", "note"]

GROUPS = {
    "Viewer": [f"view_{m}" for m in MODELS],
    "Fact-checker": [f"view_{m}" for m in MODELS]
    + ["add_article", "change_article"]
    + [f"add_{m}" for m in EDITORIAL]
    + [f"change_{m}" for m in EDITORIAL]
    + ["delete_claimsource", "delete_note"],
    "Editor": [f"view_{m}" for m in MODELS]
    + ["add_article", "change_article", "delete_article"]
    + [f"add_{m}" for m in EDITORIAL]
    + [f"change_{m}" for m in EDITORIAL]
    + [f"delete_{m}" for m in EDITORIAL]
    + ["publish_claim", "assign_claim", "publish_verdict", "merge_speakers"],
}


def add_groups(apps, schema_editor):
    # Permissions are normally created after migrate; the groups need them now.
    config = apps.get_app_config("claims")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        missing = set(codenames) - set(perms.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for group {name}: {sorted(missing)}")
        group.permissions.add(*perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_default_ratings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_groups, remove_groups)]
