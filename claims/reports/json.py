"""The workbench's own JSON report: everything needed to rebuild the work.

Version 1 of the structure (`"format": "factcheck-workbench/report"`):

    {
      "format": "factcheck-workbench/report", "version": 1,
      "generated_at": ISO 8601, "audience": "internal" | "public",
      "newsroom": {"name", "url"}, "title": str,
      "ratings":  [{"scale", "slug", "label", "value", "colour", "description", "order"}],
      "claims":   [{"id", "article", "speaker", "speaker_text", "speaker_role", "cue",
                    "content", "kind", "start", "end", "sentence", "confidence",
                    "headline", "status", "origin", "created_at", "updated_at",
                    "verdicts": [{"id", "scale", "rating" (slug), "explanation",
                                  "status", "published_at", "corrects" (verdict id),
                                  "author", "created_at", ...}],   newest first
                    "sources":  [{"id", "source" (source id), "stance", "excerpt",
                                  "note", ...}],
                    internal only: "assignee", "created_by", "version", "notes":
                    [{"id", "author", "body", "version", "created_at", "updated_at"}]}],
      "articles": [{"id", "slug", "title", "url", "publisher", "published_at",
                    "language", "text", "content_hash", "created_at", "updated_at",
                    internal only: "created_by", "version"}],
      "speakers": [{"id", "name", "aliases", "kind", "description", "created_at", "updated_at",
                    internal only: "version"}],
      "sources":  [{"id", "url", "title", "publisher", "kind", "published_at",
                    "accessed_at", "archive_url", ...}]
    }

Users appear by username. `claims` come first so that a large report streams:
the articles, speakers and sources that the claims point at follow them. Claims
carry some denormalised conveniences (speaker_name, current verdicts, rating
labels, source URLs) for readers; `import_report` reads the normalised parts.
A reader should ignore keys it does not know; a change that breaks readers gets
a new version number. schemas/report-v1.json describes version 1 as a JSON Schema.
"""

import json
from collections.abc import Iterator

from claims.models import Rating
from claims.reports.records import Report, newsroom

FORMAT = "factcheck-workbench/report"
VERSION = 1


# One encoder for every record: json.dumps with options builds a new one per call.
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dump(value):
    return _encoder.encode(value)


def header(report: Report):
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": report.generated_at.isoformat(),
        "audience": report.audience.value,
        "newsroom": newsroom(),
        "title": report.title,
        "ratings": [
            {
                "scale": rating.scale,
                "slug": rating.slug,
                "label": rating.label,
                "value": rating.value,
                "colour": rating.colour,
                "description": rating.description,
                "order": rating.order,
            }
            for rating in Rating.objects.order_by("scale", "order", "id")
        ],
    }


def render(report: Report) -> Iterator[str]:
    # The header as an object missing its closing brace, then the lists.
    yield _dump(header(report))[:-1] + ',"claims":['
    for index, record in enumerate(report.records()):
        yield ("," if index else "") + "\n" + _dump(record)
    yield '\n],"articles":['
    for index, article in enumerate(report.articles()):
        yield ("," if index else "") + "\n" + _dump(article)
    yield '\n],"speakers":['
    for index, speaker in enumerate(report.speakers()):
        yield ("," if index else "") + "\n" + _dump(speaker)
    # Read again at the end rather than gathered from the claims' links: a
    # large report's sources would otherwise all be held in memory.
    yield '\n],"sources":['
    for index, source in enumerate(report.sources()):
        yield ("," if index else "") + _dump(source)
    yield "]}\n"
