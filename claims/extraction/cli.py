"""Command line: python -m claims.extraction FILE [--language ar|en] [--format json|table]

The argument handling lives in `main(argv)` and the output in `render()` so
that the Django management command can reuse both.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .claim import ExtractedClaim
from .pipeline import extract_claims
from .rules import SUPPORTED_LANGUAGES, UnsupportedLanguage


def build_parser(prog: str = "python -m claims.extraction") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Extract attributed claims from a news article.")
    p.add_argument("file", help="the article as a UTF-8 text file ('-' for standard input)")
    p.add_argument(
        "--language", "-l", help=f"language code ({', '.join(SUPPORTED_LANGUAGES)}); detected if omitted"
    )
    p.add_argument("--format", "-f", choices=("json", "table"), default="json")
    return p


def render(claims: Sequence[ExtractedClaim], fmt: str = "json") -> str:
    """Claims as a JSON list of objects, or as a plain-text table."""
    if fmt == "json":
        return json.dumps([c.to_dict() for c in claims], ensure_ascii=False, indent=2)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    rows = [("#", "kind", "speaker", "cue", "span", "content")]
    for i, c in enumerate(claims, 1):
        content = c.content if len(c.content) <= 70 else c.content[:69] + "…"
        rows.append((str(i), c.kind, c.speaker, c.cue, f"{c.start}-{c.end}", content))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(5)) + "  " + r[5] for r in rows]
    return "\n".join(lines)


def read_text(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    return data.decode("utf-8")


def main(argv: Sequence[str] | None = None, stdout=None, stderr=None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        text = read_text(args.file)
    except FileNotFoundError:
        print(f"error: no such file: {args.file}", file=stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=stderr)
        return 2
    try:
        claims = extract_claims(text, args.language)
    except UnsupportedLanguage as exc:
        print(f"error: {exc}", file=stderr)
        return 2
    print(render(claims, args.format), file=stdout)
    return 0
