"""XML sitemap benchmark: is every open offer listed, and how long does each file take?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metnum .venv/bin/python bench/sitemap_bench.py
    .venv/bin/python bench/sitemap_bench.py --offers 100000 1000000 --per-file 50000

For each size: a throwaway database (PostgreSQL next to DATABASE_URL, dropped at the end; a temporary
SQLite file otherwise) gets N offers written by one INSERT … SELECT over a recursive series (a copy of
one offer saved by Django, each with its own slug and deadline; about 9 in 10 open). Then, through
Django's test client with the production middleware: /sitemap.xml and every file it lists, twice —
cold (empty cache) then cached. Prints the files, the offer URLs against JobOffer.objects.open().count()
(missing, duplicates, foreign hosts), the time per file (median, max; each file's time is its median
over --runs runs) and the bytes.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SITE_URL = "https://metiers.numerique.gouv.fr"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offers", type=int, nargs="+", default=[100_000], help="tailles mesurées (défaut : 100000)")
    parser.add_argument("--per-file", type=int, default=None, help="offres par fichier (défaut : le réglage du site)")
    parser.add_argument("--bench-database", default="metnum_sitemap_bench", help="nom de la base PostgreSQL jetable")
    parser.add_argument("--runs", type=int, default=3, help="passages à froid puis en cache (défaut : 3)")
    parser.add_argument("--keep", action="store_true", help="garder la base générée (PostgreSQL)")
    return parser.parse_args()


def generate(count):
    """`count` offers in one statement, copies of one offer saved by Django (seconds for a million)."""
    from django.db import connection
    from django.utils import timezone

    from jobs.models import JobOffer
    from tests.factories import JobOfferFactory

    template = JobOfferFactory(title="Développeuse ou développeur Python", published=True)
    postgresql = connection.vendor == "postgresql"
    # Deadlines from 6 days ago to 59 days ahead: about one offer in eleven is closed.
    deadline = "CURRENT_DATE + (n %% 66 - 6)" if postgresql else "date('now', 'localtime', (n %% 66 - 6) || ' days')"
    replaced = {
        "slug": "'offre-' || n",
        "reference": "'BENCH-' || n",
        "title": "title || ' ' || n",
        "deadline": deadline,
        "external_id": "''",
    }
    columns = [field.column for field in JobOffer._meta.concrete_fields if field.column != "id"]
    values = [replaced.get(column, f'"{column}"') for column in columns]
    quoted = ", ".join(f'"{column}"' for column in columns)
    sql = (
        f"WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < %s) "
        f'INSERT INTO "{JobOffer._meta.db_table}" ({quoted}) '
        f'SELECT {", ".join(values)} FROM series, "{JobOffer._meta.db_table}" WHERE id = %s'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [count - 1, template.pk])
        cursor.execute("ANALYZE")
    del timezone
    return JobOffer.objects.open().count()


def fetch(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return response.content, elapsed


def locations(content, tag):
    from lxml import etree

    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = etree.fromstring(content)
    items = tree.findall(f"sm:{tag}", namespace)
    for item in items:
        location = item.findtext("sm:loc", namespaces=namespace)
        # Every offer and every offer file has its lastmod (a page never published may have none).
        if "/offres" in location:
            assert item.findtext("sm:lastmod", namespaces=namespace), f"lastmod manquant : {location}"
    return [item.findtext("sm:loc", namespaces=namespace) for item in items]


def crawl(client):
    """Fetches the index and every file: (timings in ms {path: ms}, bytes, [urls])."""
    content, elapsed = fetch(client, "/sitemap.xml")
    timings, size, urls = {"/sitemap.xml": elapsed}, len(content), []
    files = locations(content, "sitemap")
    for file_url in files:
        path = urlsplit(file_url).path
        content, elapsed = fetch(client, path)
        timings[path] = elapsed
        size += len(content)
        urls += locations(content, "url")
    return files, timings, size, urls


def report(label, files, timings, size):
    sections = [ms for path, ms in timings.items() if path != "/sitemap.xml"]
    offer_files = [ms for path, ms in timings.items() if path.startswith("/sitemap-offres-")]
    print(
        f"  {label} : index {timings['/sitemap.xml']:.0f} ms ; fichiers médiane {statistics.median(sections):.0f} ms, "
        f"max {max(sections):.0f} ms (offres : max {max(offer_files, default=0):.0f} ms) ; "
        f"{size / 1e6:.1f} Mo en tout",
        flush=True,
    )


def run(count, args):
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from jobs.models import JobOffer

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    open_count = generate(count)
    generated = time.perf_counter() - started
    client = Client()
    client.get("/robots.txt")  # warm-up: URL resolvers, middleware, the connection
    # Each file's time is its median over several runs: the machine is shared, a run can be unlucky.
    cold_runs, cached_runs = [], []
    for _ in range(args.runs):
        cache.clear()
        files, cold, size, urls = crawl(client)
        _, cached, _, cached_urls = crawl(client)
        assert cached_urls == urls
        cold_runs.append(cold)
        cached_runs.append(cached)
    cold = {path: statistics.median(run[path] for run in cold_runs) for path in cold_runs[0]}
    cached = {path: statistics.median(run[path] for run in cached_runs) for path in cached_runs[0]}

    offer_urls = [url for url in urls if urlsplit(url).path.startswith("/offres/")]
    expected = {offer.get_absolute_url() for offer in JobOffer.objects.open().only("slug")}
    listed = {urlsplit(url).path for url in offer_urls}
    foreign = [url for url in [*files, *urls] if not url.startswith(SITE_URL + "/")]
    print(f"{count} offres générées en {generated:.1f} s ; {open_count} ouvertes (JobOffer.objects.open().count())")
    print(
        f"  fichiers : {len(files)} (+ l'index) ; adresses d'offres : {len(offer_urls)} ; "
        f"manquantes : {len(expected - listed)} ; en trop : {len(listed - expected)} ; "
        f"doublons : {len(offer_urls) - len(listed)} ; autre hôte : {len(foreign)} ; "
        f"autres adresses : {len(urls) - len(offer_urls)}"
    )
    print("  " + ", ".join(f"{path} {ms:.0f}" for path, ms in cold.items()))
    report(f"à froid (médiane de {args.runs} passages par fichier)", files, cold, size)
    report("en cache", files, cached, size)


def main():
    args = parse_args()
    if len(args.offers) > 1:  # one process per size: each its own database and Django setup
        for count in args.offers:
            command = [sys.executable, __file__, "--offers", str(count), "--bench-database", args.bench_database]
            command += ["--per-file", str(args.per_file)] if args.per_file else []
            command += ["--runs", str(args.runs)]
            command += ["--keep"] if args.keep else []
            subprocess.run(command, check=True)
        return
    (count,) = args.offers
    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    os.environ.update(DEBUG="false", TASKS_BACKEND="immediate", ELASTICSEARCH_URL="", SITE_URL=SITE_URL)
    os.environ.update(ALLOWED_HOSTS="testserver", PAGE_CACHE_ENABLED="true", REDIS_URL="")
    from bench.databases import throwaway_database

    with throwaway_database(f"{args.bench_database}_{count}", keep=args.keep) as url:
        os.environ["DATABASE_URL"] = url
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        if args.per_file:
            settings.SITEMAP_OFFERS_PER_FILE = args.per_file
        print(f"Base : {connection.vendor} ; {settings.SITEMAP_OFFERS_PER_FILE} offres par fichier", flush=True)
        run(count, args)


if __name__ == "__main__":
    main()
