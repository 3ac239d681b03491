import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.reports.importer import ReportImportError, import_report


class Command(BaseCommand):
    help = (
        "Restore the work held in a JSON report (internal audience) into this database: "
        "all of it or, on any problem, nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the report, as `render(report, 'json')` writes it; - for stdin")
        parser.add_argument("--by", metavar="USERNAME", help="the user the history records as importing")

    def handle(self, *args, file, by, **options):
        user = None
        if by:
            User = get_user_model()
            try:
                user = User._default_manager.get_by_natural_key(by)
            except User.DoesNotExist:
                raise CommandError(f"There is no user {by!r}.") from None
        try:
            if file == "-":
                data = json.load(sys.stdin)
            else:
                with Path(file).open(encoding="utf-8") as stream:
                    data = json.load(stream)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file} is not a JSON report: {exc}.") from None
        try:
            result = import_report(data, by=user)
        except ReportImportError as exc:
            raise CommandError(f"{file}: {exc}. Nothing was stored.") from None
        self.stdout.write(result.summary())
        if result.users_created:
            self.stdout.write(
                "Users created without a password (not staff): " + ", ".join(result.users_created)
            )
        if result.ratings_created:
            self.stdout.write("Ratings created: " + ", ".join(result.ratings_created))
