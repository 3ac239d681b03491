import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.models import Article, Claim, ClaimStatus
from claims.reports import FORMATS, Audience, Report, render


class Command(BaseCommand):
    help = (
        "Write a report of one article, of the claims in a status, or of every claim, in one of the "
        "report formats. The public audience (the default) holds published verdicts only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="ID", help="an article's id or slug")
        parser.add_argument("--status", choices=ClaimStatus.values, help="only claims in this status")
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument("--audience", choices=Audience.values, default=Audience.PUBLIC)
        parser.add_argument(
            "-o",
            "--output",
            default="-",
            help="the file to write (written whole or not at all); - for stdout",
        )

    def handle(self, *args, article, status, format, audience, output, **options):
        report = self.report(article, status, Audience(audience))
        if output == "-":
            self.write(report, format, sys.stdout.buffer)
            return
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a folder.")
        # Into a temporary file beside the target, renamed at the end: a
        # failed export never leaves a half-written report behind.
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                self.write(report, format, file)
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        self.stderr.write(f"Wrote {path} ({path.stat().st_size} bytes).")

    def report(self, article, status, audience):
        if article is not None:
            lookup = {"pk": int(article)} if article.isdigit() else {"slug": article}
            try:
                found = Article.objects.defer("text").get(**lookup)
            except Article.DoesNotExist:
                raise CommandError(f"There is no article {article}.") from None
            report = Report.for_article(found, audience)
            if status:
                report.claims = report.claims.filter(status=status)
            return report
        claims = Claim.objects.all()
        if status:
            claims = claims.filter(status=status)
        title = ClaimStatus(status).label if status else ""
        return Report.for_claims(claims, audience, title=str(title).capitalize())

    def write(self, report, fmt, file):
        for chunk in render(report, fmt):
            file.write(chunk.encode() if isinstance(chunk, str) else chunk)
