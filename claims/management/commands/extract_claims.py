from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import UnsupportedLanguage, extract_claims
from claims.extraction.cli import render
from claims.ingest import reextract_article
from claims.models import Article


class Command(BaseCommand):
    help = (
        "Print the claims of a text file without touching the database, or re-extract a stored "
        "article (--article ID --save), keeping every claim that editors have worked on."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="a UTF-8 text file")
        parser.add_argument("--language", help="ar or en; detected from the text when omitted")
        parser.add_argument("--format", choices=["json", "table"], default="table")
        parser.add_argument("--article", type=int, metavar="ID", help="a stored article instead of a file")
        parser.add_argument("--save", action="store_true", help="with --article: store the new extraction")

    def handle(self, *args, file, language, format, article, save, **options):
        if (file is None) == (article is None):
            raise CommandError("Give either a FILE or --article ID.")
        if save and article is None:
            raise CommandError("--save works with --article only; a FILE is never stored.")

        if article is not None:
            try:
                stored = Article.objects.get(pk=article)
            except Article.DoesNotExist:
                raise CommandError(f"There is no article {article}.") from None
            if save:
                result = reextract_article(stored)
                self.stdout.write(
                    f"Article {stored.pk}: {len(result.added)} added, {len(result.removed)} removed, "
                    f"{len(result.unchanged)} unchanged, {len(result.kept)} kept for their editorial work."
                )
                return
            text, language = stored.text, language or stored.language
        else:
            try:
                text = file.read_bytes().decode("utf-8")
            except OSError as exc:
                raise CommandError(f"{file}: {exc.strerror}") from None
            except UnicodeDecodeError as exc:
                raise CommandError(f"{file}: not valid UTF-8 (byte {exc.start}).") from None

        try:
            claims = extract_claims(text, language=language)
        except UnsupportedLanguage as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(render(claims, format))
