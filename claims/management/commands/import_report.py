import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from claims.reports.importer import ReportImportError, import_report


class Command(BaseCommand):
    help = (
        "Restore the work held in a JSON report into this database: all of it or, on any problem, "
        "nothing. Only a report for the internal audience will do; a public one lacks the notes, "
        "drafts and user names and is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the report, as the JSON format writes it; - for standard input")
        parser.add_argument("--by", metavar="USERNAME", help="the user the history records as importing")

    def handle(self, *args, file, by, **options):
        user = None
        if by:
            User = get_user_model()
            try:
                user = User._default_manager.get_by_natural_key(by)
            except User.DoesNotExist:
                raise CommandError(gettext("There is no user %(name)r.") % {"name": by}) from None
        try:
            if file == "-":
                data = json.load(sys.stdin)
            else:
                with Path(file).open(encoding="utf-8") as stream:
                    data = json.load(stream)
        except OSError as exc:
            raise CommandError(
                gettext("Cannot read %(file)s: %(error)s.") % {"file": file, "error": exc.strerror or exc}
            ) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(
                gettext("%(file)s is not a JSON report: %(error)s.") % {"file": file, "error": exc}
            ) from None
        try:
            result = import_report(data, by=user)
        except ReportImportError as exc:
            raise CommandError(
                gettext("%(file)s: %(error)s. Nothing was stored.")
                % {"file": file, "error": str(exc).rstrip(".")}
            ) from None
        self.stdout.write(result.summary())
        if result.users_created:
            self.stdout.write(
                gettext("Users created without a password and without admin access: %(names)s")
                % {"names": ", ".join(result.users_created)}
            )
        if result.ratings_created:
            self.stdout.write(
                gettext("Ratings created: %(ratings)s") % {"ratings": ", ".join(result.ratings_created)}
            )
