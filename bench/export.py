"""How fast, and in how much memory, CSV and JSON exports of 100,000 claims stream.

    make bench-export     # or: .venv/bin/python bench/export.py [--claims N] [--sample N] [--runs N]

Uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/fc_bench_export), creates it when missing
and seeds it once with the API benchmark's newsroom (bench/api.py: articles in
Arabic and English, speakers, verdicts, sources, notes, assignees), to which it
adds what an export shows and that seed leaves empty: explanations, published
verdicts, headlines and speakers' roles.

Each export is `http_response(Report.for_claims(..., INTERNAL), fmt)` with its
streaming_content read into a byte counter, as a client's download reads it,
in a fresh process that does nothing else (production settings, DEBUG off):

- time: wall clock of the whole download, the median of --runs processes;
- memory: the process's peak resident memory during the download less its
  resident memory just before (after a small warm-up export, so that imports,
  the connection and translations are not counted), and, in a separate process,
  tracemalloc's peak of Python allocations (tracemalloc slows Python down, so
  it never runs in a timed process).

Both are measured for the first --sample claims and for all of them: memory
that grows with the number of claims shows as a difference between the two.
It also shows the server-side cursors open (pg_cursors) halfway through an
export: the claims must come through one, not be fetched whole.

The ceiling is PostgreSQL itself: `COPY (SELECT the CSV's columns) TO STDOUT
WITH CSV` through psycopg's cursor.copy, reading all data. Targets, for the
whole set: memory growth under 64 MB, time within 4 times the COPY's (the CPU
time is shown too: on a busy machine it moves less than the wall clock).
Exits 1 when a target is missed.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.admin_list import configure, ensure_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/fc_bench_export"
MEMORY_TARGET_MB = 64
TIME_TARGET_RATIO = 4
FORMATS = ("csv", "json")

# The CSV's columns, current verdicts and aggregates computed by PostgreSQL.
COPY_SQL = """
COPY (
  SELECT c.id, c.article_id, a.title, a.url,
         CASE WHEN c.speaker_id IS NULL THEN c.speaker_text ELSE s.name END,
         c.speaker_role, c.cue, c.content, c.kind, c.headline, c.status,
         attribution.label, content.label, content.explanation,
         (SELECT string_agg(src.url, E'\\n' ORDER BY cs.id)
            FROM claims_claimsource cs JOIN claims_source src ON src.id = cs.source_id
           WHERE cs.claim_id = c.id AND src.url <> ''),
         u.username,
         (SELECT string_agg(n.body, E'\\n\\n' ORDER BY n.created_at, n.id)
            FROM claims_note n WHERE n.claim_id = c.id)
    FROM claims_claim c
    JOIN claims_article a ON a.id = c.article_id
    LEFT JOIN claims_speaker s ON s.id = c.speaker_id
    LEFT JOIN auth_user u ON u.id = c.assignee_id
    LEFT JOIN LATERAL (
      SELECT r.label FROM claims_verdict v JOIN claims_rating r ON r.id = v.rating_id
       WHERE v.claim_id = c.id AND v.scale = 'attribution' ORDER BY v.id DESC LIMIT 1
    ) attribution ON true
    LEFT JOIN LATERAL (
      SELECT r.label, v.explanation FROM claims_verdict v JOIN claims_rating r ON r.id = v.rating_id
       WHERE v.claim_id = c.id AND v.scale = 'content' ORDER BY v.id DESC LIMIT 1
    ) content ON true
   WHERE c.id <= %(upto)s
   ORDER BY c.article_id, c.start, c.id
) TO STDOUT WITH CSV HEADER
"""


# --- the seed -------------------------------------------------------------------


EN_EXPLANATIONS = [
    "The statistics office's bulletin gives a different figure for the same quarter.",
    "The figure matches the ministry's published table.",
    "The speaker said this in an interview, not in the speech the article cites.",
]
AR_EXPLANATIONS = [
    "تظهر نشرة مكتب الإحصاء رقمًا مختلفًا للربع نفسه.",
    "يطابق الرقم الجدول الذي نشرته الوزارة.",
    "قال المتحدث هذا في مقابلة لا في الخطاب الذي يذكره المقال.",
]


def seed(claims_wanted, reseed=False):
    """The API benchmark's newsroom, plus explanations, publications, headlines and roles."""
    from django.db import connection, transaction

    from bench.api import seed as seed_newsroom
    from claims.models import Claim, Verdict

    if reseed:
        Claim.objects.all().delete()
    seed_newsroom(claims_wanted)
    if Verdict.objects.filter(status="published").exists():
        return
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # By article language (even article ids are Arabic in that seed) and by id, so reproducible.
        cursor.execute(
            """
            UPDATE claims_verdict v
               SET explanation = CASE WHEN a.language = 'ar' THEN (%s::text[])[1 + v.id %% 3]
                                      ELSE (%s::text[])[1 + v.id %% 3] END
              FROM claims_claim c JOIN claims_article a ON a.id = c.article_id
             WHERE c.id = v.claim_id AND v.scale = 'content'
            """,
            [AR_EXPLANATIONS, EN_EXPLANATIONS],
        )
        cursor.execute(
            """
            UPDATE claims_verdict v SET status = 'published', published_at = c.created_at + interval '2 days'
              FROM claims_claim c WHERE c.id = v.claim_id AND c.status = 'published'
            """
        )
        cursor.execute(
            """
            UPDATE claims_claim c
               SET headline = CASE WHEN c.id % 4 = 0 THEN left(c.content, 60) ELSE '' END,
                   speaker_role = CASE WHEN c.id % 3 = 0
                                       THEN CASE WHEN a.language = 'ar' THEN 'وزير الاقتصاد'
                                                 ELSE 'Minister of the Economy' END
                                       ELSE '' END
              FROM claims_article a WHERE a.id = c.article_id
            """
        )
        cursor.execute(
            """
            UPDATE claims_note n SET body = 'راجعنا النشرة؛ الرقم الصحيح أقل.'
              FROM claims_claim c JOIN claims_article a ON a.id = c.article_id
             WHERE c.id = n.claim_id AND a.language = 'ar'
            """
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"added explanations, publications, headlines and roles in {time.perf_counter() - started:.1f} s")


# --- one export, in a process of its own ------------------------------------------


def rss_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def reset_peak():
    """Linux: resets the process's peak resident size (VmHWM) to its current size."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def download(fmt, upto):
    from claims.models import Claim
    from claims.reports import Audience, Report, http_response

    report = Report.for_claims(Claim.objects.filter(id__lte=upto), Audience.INTERNAL)
    size = 0
    for chunk in http_response(report, fmt).streaming_content:
        size += len(chunk)
    return size


def child(fmt, upto, traced):
    """Prints one export's figures as JSON."""
    import django

    django.setup()
    from django.db import connection

    from claims.models import Claim

    rows = Claim.objects.filter(id__lte=upto).count()
    # Warm-up: imports, the connection, translations, the ratings' labels.
    download(fmt, Claim.objects.order_by("id").values_list("id", flat=True)[9])
    if traced:
        import tracemalloc

        tracemalloc.start()
    exact = reset_peak()
    before = rss_kb("VmRSS")
    cpu = cpu_seconds()
    started = time.perf_counter()
    size = download(fmt, upto)
    seconds = time.perf_counter() - started
    peak = rss_kb("VmHWM")
    result = {"rows": rows, "bytes": size, "seconds": seconds, "rss_growth_mb": (peak - before) / 1024}
    result["cpu_seconds"] = cpu_seconds() - cpu
    result["exact_peak"] = exact
    if traced:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    connection.close()
    print(json.dumps(result))


def run_child(fmt, upto, traced=False):
    output = subprocess.run(
        [sys.executable, __file__, "--child", fmt, "--upto", str(upto)] + (["--traced"] if traced else []),
        check=True,
        capture_output=True,
        text=True,
        env=os.environ,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- the ceiling and the checks -----------------------------------------------------


def copy_ceiling(url, upto, runs):
    import psycopg

    timings = []
    for _ in range(runs):
        with psycopg.connect(url) as conn:
            started = time.perf_counter()
            size = 0
            with conn.cursor() as cursor, cursor.copy(COPY_SQL.replace("%(upto)s", str(int(upto)))) as copy:
                for data in copy:
                    size += len(data)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), size


def server_side_cursor():
    """The cursors open in the session while a CSV export is half read (pg_cursors)."""
    from django.db import connection

    from claims.models import Claim
    from claims.reports import Audience, Report, http_response

    response = http_response(Report.for_claims(Claim.objects.all(), Audience.INTERNAL), "csv")
    chunks = iter(response.streaming_content)
    for _ in range(1500):  # past the first chunk of records
        next(chunks)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, is_holdable, left(statement, 60) FROM pg_cursors")
        cursors = cursor.fetchall()
    response.close()
    return cursors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=20_000, help="the smaller export (default 20,000)")
    parser.add_argument("--runs", type=int, default=3, help="timed processes per export; the median")
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--child", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--upto", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    configure(url)
    if args.child:
        return child(args.child, args.upto, args.traced)

    ensure_database(url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.db import connection

    from claims.models import Claim

    if args.reseed or Claim.objects.count() != args.claims:
        seed(args.claims, reseed=args.reseed)
    else:
        seed(args.claims)  # adds only what a reused seed lacks
    ids = list(Claim.objects.order_by("id").values_list("id", flat=True))
    sizes = [(min(args.sample, len(ids)), ids[min(args.sample, len(ids)) - 1]), (len(ids), ids[-1])]
    print("\nServer-side cursors open in the session mid-export (pg_cursors):")
    cursors = server_side_cursor()
    for name, holdable, statement in cursors:
        print(f"  {name} holdable={holdable} {statement}…")
    if not cursors:
        print("  none: the claims are read whole, not through a server-side cursor")
    connection.close()

    print(f"\nInternal audience; median of {args.runs} processes for the time; production settings")
    head = f"{'export':8} {'rows':>8} {'MB':>7} {'seconds':>8} {'cpu s':>6} {'RSS +MB':>8} {'traced MB':>10}"
    print(f"{head} {'COPY s':>7} {'COPY MB':>8} {'× COPY':>7}  result")
    missed, exact = [], True
    for fmt in FORMATS:
        for rows, upto in sizes:
            timed = [run_child(fmt, upto) for _ in range(args.runs)]
            traced = run_child(fmt, upto, traced=True)
            seconds = statistics.median(run["seconds"] for run in timed)
            cpu = statistics.median(run["cpu_seconds"] for run in timed)
            growth = max(run["rss_growth_mb"] for run in timed)
            exact = exact and all(run["exact_peak"] for run in timed)
            copy_seconds, copy_bytes = copy_ceiling(url, upto, args.runs)
            ratio = seconds / copy_seconds
            # The targets are for the whole set; the sample shows how the figures scale.
            ok = growth < MEMORY_TARGET_MB and ratio <= TIME_TARGET_RATIO
            verdict = "PASS" if ok else "FAIL"
            if upto != sizes[-1][1]:
                verdict = "(sample)"
            elif not ok:
                missed.append(f"{fmt} {rows:,}")
            print(
                f"{fmt:8} {timed[0]['rows']:>8,} {timed[0]['bytes'] / 2**20:>7.1f} {seconds:>8.2f} {cpu:>6.2f} "
                f"{growth:>8.1f} {traced['traced_peak_mb']:>10.1f} {copy_seconds:>7.2f} "
                f"{copy_bytes / 2**20:>8.1f} {ratio:>7.1f}  {verdict}",
                flush=True,
            )
    print("seconds: wall clock of the download; cpu s: the exporting process's own CPU time")
    if not exact:
        print("(the peak could not be reset: RSS +MB is the process's lifetime peak less its size before)")
    print(
        f"\nTargets: peak memory growth < {MEMORY_TARGET_MB} MB (RSS), "
        f"time <= {TIME_TARGET_RATIO} × COPY of the same columns."
    )
    if missed:
        print(f"Missed: {', '.join(missed)}")
        return 1
    print("Every export meets the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
