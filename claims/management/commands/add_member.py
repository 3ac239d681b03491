import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# The newsroom roles (groups made by migration 0003_groups), by the name used here.
ROLES = {"viewer": "Viewer", "fact-checker": "Fact-checker", "editor": "Editor"}


class Command(BaseCommand):
    help = (
        "Add a newsroom member who can log in to the review desk, or change a member's role. "
        "A new member gets a random password, printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=["viewer", "fact-checker", "editor"])
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    @transaction.atomic
    def handle(self, *args, username, role, email, first_name, last_name, **options):
        User = get_user_model()
        try:
            group = Group.objects.get(name=ROLES[role])
        except Group.DoesNotExist:
            raise CommandError(
                f"The group {ROLES[role]!r} is missing; run `manage.py migrate` first."
            ) from None
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username, email, password)
        # The admin lets in staff only; the role's group decides what they may do there.
        user.is_staff = True
        user.is_active = True
        if email:
            user.email = email
        if first_name:
            user.first_name = first_name
        if last_name:
            user.last_name = last_name
        user.save()
        user.groups.remove(*Group.objects.filter(name__in=set(ROLES.values())).exclude(pk=group.pk))
        user.groups.add(group)
        if password:
            self.stdout.write(
                self.style.SUCCESS(f"{username} added as {group.name}. Password (shown once): {password}")
            )
            self.stdout.write("They should change it at /admin/password_change/ after logging in.")
        else:
            self.stdout.write(self.style.SUCCESS(f"{username} is now {group.name}."))
