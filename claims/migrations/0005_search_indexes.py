"""Search indexes for the API's `q` (PostgreSQL only).

Full-text search of claims uses the `arabic` or `english` configuration by
the article's language, and speaker names are matched by trigram word
similarity (pg_trgm). The GIN indexes below are on exactly the expressions
claims/api/filters.py builds, so searches stay index scans on large tables.
SQLite has neither feature; there the search falls back to substring matching
and this migration does nothing.
"""

from django.db import migrations

CONFIGS = {"ar": "arabic", "en": "english"}

FORWARDS = [
    # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        f"CREATE INDEX IF NOT EXISTS claim_search_{code}_idx ON claims_claim USING gin "
        f"(to_tsvector('{config}'::regconfig, COALESCE(content, '') || ' ' || COALESCE(headline, '')))"
        for code, config in CONFIGS.items()
    ),
    "CREATE INDEX IF NOT EXISTS speaker_key_trgm_idx ON claims_speaker USING gin (key gin_trgm_ops)",
]

BACKWARDS = [
    *(f"DROP INDEX IF EXISTS claim_search_{code}_idx" for code in CONFIGS),
    "DROP INDEX IF EXISTS speaker_key_trgm_idx",
    # The extension stays: other objects may have come to depend on it.
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_claim_desk_order_index")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS), elidable=False)]
