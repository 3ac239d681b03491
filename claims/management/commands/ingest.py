from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date
from tqdm import tqdm

from claims.ingest import IngestError, ingest_article


class Command(BaseCommand):
    help = "Ingest text files as articles (the same text twice is stored once) and extract their claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--language", help="ISO code (ar, en, ...); detected from the text when omitted")
        parser.add_argument("--title", help="title (default: the file's first line); only with one file")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--url", default="", help="the article's address; only with one file")
        parser.add_argument("--published-at", help="publication date, YYYY-MM-DD")

    def handle(self, *args, paths, language, title, publisher, url, published_at, **options):
        if len(paths) > 1 and (title or url):
            raise CommandError("--title and --url describe one article: give one file with them.")
        published = None
        if published_at:
            published = parse_date(published_at)
            if published is None:
                raise CommandError(f"--published-at must be a date as YYYY-MM-DD, not {published_at!r}.")

        created = existing = claims = 0
        failures = []
        for path in tqdm(paths, unit="file", disable=len(paths) < 2, file=self.stderr._out):
            try:
                data = path.read_bytes()
            except OSError as exc:
                failures.append(f"{path}: {exc.strerror}")
                continue
            try:
                result = ingest_article(
                    data,
                    title=title or "",
                    url=url,
                    publisher=publisher,
                    published_at=published,
                    language=language,
                )
            except IngestError as exc:
                failures.append(f"{path}: {exc}")
                continue
            if result.created:
                created += 1
                claims += result.claims
            else:
                existing += 1
            if options["verbosity"] > 1 or len(paths) == 1:
                state = "new" if result.created else "already present"
                self.stdout.write(f"{path}: article {result.article.pk} ({state}), {result.claims} claims")

        for failure in failures:
            self.stderr.write(failure)
        self.stdout.write(
            f"Ingested {created} new article(s) with {claims} claim(s); "
            f"{existing} already present; {len(failures)} failed."
        )
        if failures:
            raise CommandError(f"{len(failures)} of {len(paths)} file(s) could not be ingested.")
