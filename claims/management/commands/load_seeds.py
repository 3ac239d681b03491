import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from claims.ingest import IngestError, ingest_article

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


class Command(BaseCommand):
    help = "Load every seed article from seeds/ (each NAME.txt with its NAME.json metadata). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=SEEDS_DIR, help="folder of seeds (default: seeds/)")

    def handle(self, *args, dir, **options):
        texts = sorted(dir.glob("*.txt"))
        if not texts:
            raise CommandError(f"No seed articles (*.txt) in {dir}.")
        created = 0
        for path in texts:
            meta_path = path.with_suffix(".json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            published = meta.get("published_at")
            try:
                result = ingest_article(
                    path.read_bytes(),
                    title=meta.get("title", ""),
                    url=meta.get("url", ""),
                    publisher=meta.get("publisher", ""),
                    published_at=parse_date(published) if published else None,
                    language=meta.get("language"),
                )
            except IngestError as exc:
                raise CommandError(f"{path.name}: {exc}") from None
            created += result.created
            state = "loaded" if result.created else "already present"
            self.stdout.write(f"{path.name}: article {result.article.pk} {state}, {result.claims} claims")
        self.stdout.write(f"{created} new seed article(s), {len(texts) - created} already present.")
