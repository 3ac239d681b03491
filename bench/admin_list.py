"""How fast the admin's claims list answers with 100,000 claims on PostgreSQL.

    make bench-admin              # or: .venv/bin/python bench/admin_list.py [--claims N] [--reseed]

Uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/fc_bench_admin), creates it when missing
and seeds it once: 2,000 articles of 50 claims each, 500 speakers, verdicts on
about half the claims (some with a superseded one), sources on a fifth. Then
it requests the list page in-process, as a logged-in fact-checker, with
production settings (DEBUG off), and prints for each view of the list the
first ("cold": new process and database connection) and the median of the
next ten ("warm") response times, and the number of queries.
"""

import argparse
import os
import random
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/fc_bench_admin"
CLAIMS_PER_ARTICLE = 50


def configure(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    # Production settings: no DEBUG query log, no debug templates.
    os.environ["DEBUG"] = "0"
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["LOG_LEVEL"] = "ERROR"


def ensure_database(url):
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    admin_dsn = dict(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or "postgres",
        dbname="postgres",
    )
    if config["PASSWORD"]:
        admin_dsn["password"] = config["PASSWORD"]
    with psycopg.connect(**admin_dsn, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
            print(f"Created database {config['NAME']}")


def seed(total):
    from django.contrib.auth.models import Group, User
    from django.db import connection, transaction

    from claims.models import Article, Claim, ClaimSource, Rating, Source, Speaker, Verdict
    from claims.normalise import content_hash, name_key

    rng = random.Random(5)
    print(f"Seeding {total:,} claims…", flush=True)
    started = time.perf_counter()
    with transaction.atomic():
        Claim.objects.all().delete()
        ClaimSource.objects.all().delete()
        Source.objects.all().delete()
        Article.objects.all().delete()
        Speaker.objects.all().delete()
        User.objects.filter(username__startswith="bench-").delete()

        users = []
        for name, group in [
            ("bench-fatima", "Fact-checker"),
            ("bench-omar", "Fact-checker"),
            ("bench-edward", "Editor"),
        ]:
            user = User.objects.create_user(name, f"{name}@example.org", "bench", is_staff=True)
            user.groups.add(Group.objects.get(name=group))
            users.append(user)

        names = [f"المتحدث {i}" if i % 2 else f"Speaker {i}" for i in range(500)]
        Speaker.objects.bulk_create(
            Speaker(name=n, key=name_key(n), search_keys=f"|{name_key(n)}|", aliases=[]) for n in names
        )
        speakers = list(Speaker.objects.values_list("pk", flat=True))

        content = "الاقتصاد ينمو بسرعة"
        articles, starts = [], []
        for a in range(total // CLAIMS_PER_ARTICLE):
            sentences = [f"قال المسؤول {a} إن {content} في الربع {n}. " for n in range(CLAIMS_PER_ARTICLE)]
            offsets, position = [], 0
            for text in sentences:
                offsets.append(position + text.index(content))
                position += len(text)
            text = "".join(sentences)
            articles.append(
                Article(
                    title=f"مقال تجريبي {a}",
                    slug=f"bench-{a}",
                    language="ar" if a % 3 else "en",
                    text=text,
                    content_hash=content_hash(text),
                )
            )
            starts.append(offsets)
        Article.objects.bulk_create(articles, batch_size=500)  # sets the pks on PostgreSQL

        statuses = ["new"] * 5 + ["in_review"] * 2 + ["ready", "published", "dismissed"]
        claims = []
        for article, offsets in zip(articles, starts, strict=True):
            for n, start in enumerate(offsets):
                claims.append(
                    Claim(
                        article_id=article.pk,
                        content=content,
                        start=start,
                        end=start + len(content),
                        speaker_id=rng.choice(speakers),
                        cue="قال",
                        kind=rng.choice(["direct", "indirect", "mixed"]),
                        status=rng.choice(statuses),
                        assignee=rng.choice([None, None, *users]),
                        headline=f"Claim {n}" if n % 4 == 0 else "",
                    )
                )
        Claim.objects.bulk_create(claims, batch_size=5000)

        content_ratings = list(Rating.objects.filter(scale="content"))
        attribution_ratings = list(Rating.objects.filter(scale="attribution"))
        verdicts = []
        claim_ids = list(Claim.objects.values_list("pk", flat=True))
        for pk in claim_ids:
            draw = rng.random()
            if draw < 0.5:
                verdicts.append(Verdict(claim_id=pk, scale="content", rating=rng.choice(content_ratings)))
            if draw < 0.05:  # a superseded verdict, then the current one
                verdicts.append(Verdict(claim_id=pk, scale="content", rating=rng.choice(content_ratings)))
            if draw > 0.6:
                verdicts.append(
                    Verdict(claim_id=pk, scale="attribution", rating=rng.choice(attribution_ratings))
                )
        Verdict.objects.bulk_create(verdicts, batch_size=5000)

        sources = Source.objects.bulk_create(Source(title=f"Source {i}") for i in range(1000))
        ClaimSource.objects.bulk_create(
            (ClaimSource(claim_id=pk, source=rng.choice(sources)) for pk in claim_ids if rng.random() < 0.2),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"Seeded {Claim.objects.count():,} claims, {Verdict.objects.count():,} verdicts "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def measure(claims_wanted):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from claims.models import Claim, Rating

    user = User.objects.get(username="bench-fatima")
    client = Client()
    client.force_login(user)
    false = Rating.objects.get(scale="content", slug="false").pk
    last_page = claims_wanted // 50
    views = [
        ("unfiltered, page 1", {}),
        ("unfiltered, page 2", {"p": "2"}),
        (f"unfiltered, last page ({last_page})", {"p": str(last_page)}),
        ("status = new", {"status__exact": "new"}),
        ("needs a verdict", {"todo": "needs_verdict"}),
        ("assigned to me", {"assignee": "me"}),
        ("content verdict = false", {"content_rating": str(false)}),
        ("language = en, status = ready", {"language": "en", "status__exact": "ready"}),
        ("search “Claim 12”", {"q": "Claim 12"}),
    ]
    url = reverse("admin:claims_claim_changelist")
    print(f"\nGET {url} as a fact-checker, {Claim.objects.count():,} claims, 50 per page")
    print(f"{'view':38} {'cold ms':>8} {'warm ms':>8} {'queries':>8}")
    slow = []
    for label, params in views:
        connection.close()  # a new connection: nothing cached in it yet
        started = time.perf_counter()
        response = client.get(url, params, secure=True)
        cold = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (label, response.status_code)
        warm = []
        for _ in range(10):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url, params, secure=True)
                warm.append((time.perf_counter() - started) * 1000)
        median = statistics.median(warm)
        print(f"{label:38} {cold:8.0f} {median:8.0f} {len(queries):8d}", flush=True)
        if median > 1000:
            slow.append(label)
    if slow:
        print(f"\nSlower than one second: {', '.join(slow)}")
        return 1
    print("\nEvery view answers in under a second (warm).")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    configure(url)
    ensure_database(url)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from claims.models import Claim

    if args.reseed or Claim.objects.count() != args.claims:
        seed(args.claims)
    return measure(args.claims)


if __name__ == "__main__":
    sys.exit(main())
