"""Throughput of claim extraction on one core.

    python bench/extraction.py [--mb 5]

Reads the annotated dev articles from /work/shared/eval/dev when present
(else the seed articles in seeds/), repeats them to at least --mb
megabytes of text and prints characters per second and the time per article;
then compares one long article with as many short ones (1.00x: linear).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims  # noqa: E402

DEV = Path("/work/shared/eval/dev")


def articles() -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    if DEV.is_dir():
        for p in sorted(DEV.glob("*.json")):
            d = json.loads(p.read_text(encoding="utf-8"))
            found.append((d["text"], d.get("language")))
    if not found:
        for p in sorted((ROOT / "seeds").glob("*.txt")):
            found.append((p.read_text(encoding="utf-8"), None))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="megabytes of text to process (default 5)")
    args = ap.parse_args(argv)
    docs = articles()
    if not docs:
        print("no articles found", file=sys.stderr)
        return 1
    per_round = sum(len(t) for t, _ in docs)
    rounds = max(1, int(args.mb * 1_000_000 / per_round) + 1)
    extract_claims(*docs[0])  # build the lexicons outside the timing
    chars = n_articles = n_claims = 0
    worst = 0.0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(rounds):
        for text, lang in docs:
            a = time.perf_counter()
            n_claims += len(extract_claims(text, lang))
            worst = max(worst, time.perf_counter() - a)
            chars += len(text)
            n_articles += 1
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(f"articles: {len(docs)} distinct, {n_articles} processed, {n_claims} claims")
    print(f"text: {chars:,} characters in {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    # CPU time is what one core spent; wall time also counts other programs on a busy machine
    print(f"throughput: {chars / cpu:,.0f} characters/second of CPU ({chars / elapsed:,.0f} wall)")
    print(f"time per article: {1000 * elapsed / n_articles:.2f} ms mean, {1000 * worst:.2f} ms worst")
    print_scaling(docs)
    return 0


def print_scaling(docs: list[tuple[str, str | None]], times: int = 8) -> None:
    """One long article per language made of all the articles, once and `times`
    times over: the time per character should stay the same (no quadratic step)."""
    for lang in sorted({lang for _, lang in docs if lang}):
        one = "\n\n".join(t for t, lg in docs if lg == lang)
        many = "\n\n".join([one] * times)
        small = _cpu(one, lang, repeat=times)
        large = _cpu(many, lang, repeat=1)
        print(f"one {lang} article {times} times as long: {large / small:.2f}x the time of {times} short")


def _cpu(text: str, lang: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        for _ in range(repeat):
            extract_claims(text, lang)
        best = min(best, time.process_time() - c0)
    return best


if __name__ == "__main__":
    raise SystemExit(main())
