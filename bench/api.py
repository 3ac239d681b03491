"""Throughput and p99 latency of the REST API on PostgreSQL, relative to health/.

    python bench/api.py [--database postgres://postgres@127.0.0.1:5432/fc_bench]
                        [--claims 100000] [--duration 10] [--connections 8]

Seeds the benchmark database (its own, never the development one) with
--claims claims over articles in Arabic and English, with speakers, verdicts,
sources, notes and assignees (bulk inserts: a fresh seed takes well under a
minute; an existing seed of the right size is reused). Serves the app with
gunicorn (2 sync workers, DEBUG=0, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1,
persistent database connections) and measures each endpoint with wrk:

- health/ (no database work): the ceiling;
- the claims list, 50 per page, filtered by status;
- a claim's detail (speaker, current verdicts, sources, notes count).

Two configurations are measured, one after the other:

- "production": CACHE_URL points at Redis (--redis), so the API's read cache
  is on (claims/api/cache.py): repeated reads are answered from each
  worker's memory until something changes;
- "uncached": no shared cache, every request does all its database work.

Each configuration runs the three endpoints in turn, --rounds times, and
prints the medians of requests/second, p99 latency and the workers' CPU time
per request for each endpoint, and the rate as a ratio to health/ in the
same configuration. The CPU figure holds even on a busy machine, where the rates
move with whatever else runs. Targets (production configuration): list >=
0.35 of health, detail >= 0.6; exits 1 when one is missed. Throttling is off
for the run: one client making thousands of requests a second would
otherwise be measuring the 429s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGETS = {"claims list": 0.35, "claim detail": 0.6}

ARTICLES_PER_1000_CLAIMS = 20  # 50 claims per article
EN_SENTENCE = "{speaker} said the unemployment rate in region {region} reached {value} percent this year."
EN_CLAIM = "the unemployment rate in region {region} reached {value} percent this year"
AR_SENTENCE = "وقال {speaker} إن معدل البطالة في المنطقة {region} بلغ {value} في المئة هذا العام."
AR_CLAIM = "معدل البطالة في المنطقة {region} بلغ {value} في المئة هذا العام"
STATUSES = ["new"] * 50 + ["in_review"] * 25 + ["ready"] * 10 + ["published"] * 5 + ["dismissed"] * 10


def server_environment(database_url: str, cache_url: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "CACHE_URL": cache_url,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_ANON": "",
        "API_THROTTLE_USER": "",
        "API_THROTTLE_INGEST": "",
        "LOG_LEVEL": "ERROR",
    }


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def seed(claims_wanted: int) -> None:
    """Bulk-insert the newsroom; reuses a seed of the same size."""
    from django.contrib.auth.models import Group, User
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token

    from claims.models import Article, Claim, ClaimSource, Note, Rating, Source, Speaker, Verdict
    from claims.normalise import content_hash, name_key

    editor, _ = User.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name="Editor"))
    Token.objects.get_or_create(user=editor)
    if Claim.objects.count() == claims_wanted:
        print(f"reusing the seed: {claims_wanted:,} claims")
        return

    started = time.perf_counter()
    rng = random.Random(20240501)
    with transaction.atomic():
        Claim.objects.all().delete()  # cascades to verdicts, links, notes
        for model in (Source, Speaker, Article):
            model.objects.all().delete()
        staff = [User.objects.get_or_create(username=f"bench-checker-{i}")[0] for i in range(10)]
        speakers = Speaker.objects.bulk_create(
            [
                Speaker(
                    name=name,
                    key=name_key(name),
                    search_keys=f"|{name_key(name)}|",
                    kind="person",
                )
                for i in range(1000)
                for name in [f"Speaker {i:04d}" if i % 2 else f"المتحدث {i:04d}"]
            ]
        )
        per_article = 50
        article_count = max(1, claims_wanted // per_article)
        articles, spans = [], []
        for a in range(article_count):
            arabic = a % 2 == 0
            sentences, claim_spans, position = [], [], 0
            for s in range(per_article):
                speaker = speakers[rng.randrange(len(speakers))]
                fields = {"speaker": speaker.name, "region": f"{a}-{s}", "value": rng.randint(2, 30)}
                sentence = (AR_SENTENCE if arabic else EN_SENTENCE).format(**fields)
                claim = (AR_CLAIM if arabic else EN_CLAIM).format(**fields)
                start = position + sentence.index(claim)
                claim_spans.append((start, start + len(claim), claim, speaker))
                sentences.append(sentence)
                position += len(sentence) + 2
            text = "\n\n".join(sentences)
            digest = content_hash(text)
            articles.append(
                Article(
                    title=f"Article {a}" if not arabic else f"مقال {a}",
                    slug=f"bench-{a}-{digest[:8]}",
                    language="ar" if arabic else "en",
                    publisher="Daily Example" if not arabic else "وكالة",
                    text=text,
                    content_hash=digest,
                    created_by=editor,
                )
            )
            spans.append(claim_spans)
        articles = Article.objects.bulk_create(articles, batch_size=500)
        claims = Claim.objects.bulk_create(
            [
                Claim(
                    article=article,
                    speaker=speaker,
                    speaker_text=speaker.name,
                    cue="said" if article.language == "en" else "وقال",
                    content=content,
                    start=start,
                    end=end,
                    kind="indirect",
                    status=rng.choice(STATUSES),
                    assignee=rng.choice(staff) if rng.random() < 0.6 else None,
                    created_by=editor,
                )
                for article, article_spans in zip(articles, spans, strict=True)
                for start, end, content, speaker in article_spans
            ],
            batch_size=5000,
        )
        ratings = {(r.scale, r.slug): r for r in Rating.objects.all()}
        content_ratings = [r for (scale, _), r in ratings.items() if scale == "content"]
        attribution_ratings = [r for (scale, _), r in ratings.items() if scale == "attribution"]
        verdicts = []
        for claim in claims:
            if rng.random() < 0.4:
                verdicts.append(
                    Verdict(claim=claim, scale="content", rating=rng.choice(content_ratings), author=editor)
                )
            if rng.random() < 0.2:
                verdicts.append(
                    Verdict(
                        claim=claim,
                        scale="attribution",
                        rating=rng.choice(attribution_ratings),
                        author=editor,
                    )
                )
        Verdict.objects.bulk_create(verdicts, batch_size=5000)
        sources = Source.objects.bulk_create(
            [
                Source(title=f"Statistics bulletin {i}", url=f"https://example.org/bulletin/{i}")
                for i in range(500)
            ]
        )
        ClaimSource.objects.bulk_create(
            [
                ClaimSource(claim=claim, source=rng.choice(sources), stance="refutes", added_by=editor)
                for claim in claims
                if rng.random() < 0.2
            ],
            batch_size=5000,
        )
        Note.objects.bulk_create(
            [
                Note(claim=claim, author=editor, body="Checked the bulletin.")
                for claim in claims
                if rng.random() < 0.1
            ],
            batch_size=5000,
        )
        with connection.cursor() as cursor:
            # Spread creation times over a year, as a real desk's would be.
            cursor.execute("UPDATE claims_claim SET created_at = now() - (id * interval '5 minutes')")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"seeded {len(claims):,} claims, {len(articles):,} articles, {len(verdicts):,} verdicts "
        f"in {time.perf_counter() - started:.1f} s"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer {url} within {timeout} s")


def check(url: str, token: str) -> None:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")


LATENCY = re.compile(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
REQUESTS = re.compile(r"(\d+) requests in")
ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / ticks


def measure(url, token, duration, connections, workers, warm_up=True) -> tuple[float, float, float]:
    """(requests per second, p99 ms, workers' CPU ms per request) from wrk."""
    headers = ["-H", f"Authorization: Token {token}"] if token else []
    run = ["wrk", "-t2", f"-c{connections}", "--latency", *headers]
    if warm_up:
        subprocess.run([*run, "-d2s", url], check=True, capture_output=True)
    before = cpu_seconds(workers)
    output = subprocess.run([*run, f"-d{duration}s", url], check=True, capture_output=True, text=True).stdout
    used = cpu_seconds(workers) - before
    errors = ERRORS.search(output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} responses were not 2xx\n{output}")
    value, unit = LATENCY.search(output).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    count = int(REQUESTS.search(output).group(1))
    return float(RATE.search(output).group(1)), p99, used / max(count, 1) * 1000


def serve_and_measure(args, cache_url, token, detail_id):
    env = server_environment(args.database, cache_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}/api"
    gunicorn = [str(Path(PYTHON).with_name("gunicorn")), "factcheck.wsgi:application"]
    server = subprocess.Popen(
        [*gunicorn, "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(f"{base}/health/")
        workers = [
            int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        ]
        endpoints = [
            ("health", f"{base}/health/", None),
            ("claims list", f"{base}/claims/?status=in_review&page_size=50", token),
            ("claim detail", f"{base}/claims/{detail_id}/", token),
        ]
        for _, url, key in endpoints[1:]:
            check(url, key)
        # Rounds of all endpoints in turn, then the median of each: on a shared
        # machine a burst of other work then skews one round, not one endpoint.
        rounds = {name: [] for name, _, _ in endpoints}
        for number in range(args.rounds):
            for name, url, key in endpoints:
                rounds[name].append(measure(url, key, args.duration, args.connections, workers, number == 0))
        return {name: tuple(map(statistics.median, zip(*runs, strict=True))) for name, runs in rounds.items()}
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/fc_bench")
    ap.add_argument(
        "--redis", default="redis://127.0.0.1:6379/15", help="the production configuration's cache"
    )
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--duration", type=int, default=5, help="seconds per endpoint and round (default 5)")
    ap.add_argument(
        "--rounds", type=int, default=3, help="rounds over the endpoints; medians are shown (default 3)"
    )
    ap.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = ap.parse_args(argv)

    if not args.database.startswith("postgres"):
        raise SystemExit("the benchmark runs on PostgreSQL: give --database postgres://…")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk, or `make os-packages`)")

    env = server_environment(args.database)
    ensure_database(args.database)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from claims.models import Claim

    seed(args.claims)
    token = Token.objects.get(user__username="bench-editor").key
    with_work = Claim.objects.filter(verdicts__isnull=False, claim_sources__isnull=False)
    detail_id = with_work.order_by("id").values_list("id", flat=True).first()
    connection.close()

    print(
        f"\n{args.claims:,} claims; gunicorn {args.workers} sync workers; "
        f"wrk 2 threads, {args.connections} connections; medians of {args.rounds} rounds of {args.duration} s"
    )
    missed = []
    for label, cache_url in (("production: read cache on (CACHE_URL=Redis)", args.redis), ("uncached", "")):
        results = serve_and_measure(args, cache_url, token, detail_id)
        ceiling = results["health"][0]
        print(f"\n{label}")
        print(f"{'endpoint':<14} {'req/s':>8} {'p99 ms':>8} {'cpu ms/req':>11} {'vs health':>10}  target")
        for name, (rate, p99, cpu) in results.items():
            ratio = rate / ceiling
            target = TARGETS.get(name) if cache_url else None
            verdict = ""
            if target is not None:
                verdict = f">= {target:.2f} " + ("ok" if ratio >= target else "MISSED")
                if ratio < target:
                    missed.append(name)
            print(f"{name:<14} {rate:>8.0f} {p99:>8.1f} {cpu:>11.2f} {ratio:>10.2f}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
