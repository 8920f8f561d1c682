"""Offer import speed: rows per second for a first import (every offer created and published), a
second identical import (every row unchanged) and an import where one row in ten changed.

    .venv/bin/python bench/import_bench.py                 # 2 000 offers (make bench)
    .venv/bin/python bench/import_bench.py --offers 10000  # the issue's target: 10 000 offers in 30 s

Without DATABASE_URL the offers go to a throwaway SQLite file in a temporary folder; with
DATABASE_URL=postgres://… a throwaway database "<name>_import_bench" is created beside it and dropped
at the end.
"""

import argparse
import csv
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offers", type=int, default=2000, help="Nombre d'offres à importer (défaut : 2000).")
    arguments = parser.parse_args()

    from databases import throwaway_database

    # A database of its own (beside DATABASE_URL's on PostgreSQL, never the test suite's), dropped at the end.
    with (
        tempfile.TemporaryDirectory(prefix="metnum-bench-") as folder,
        throwaway_database("metnum_import_bench") as url,
    ):
        os.environ["DATABASE_URL"] = url
        os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.test"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        run(arguments.offers, Path(folder), connection)


def run(count, folder, connection):
    from offer_rows import ensure_employers, offer_rows

    from jobs.importer import COLUMNS, import_offers, read_offer_file
    from jobs.models import JobOffer

    ensure_employers()
    rows = offer_rows(count)
    path = folder / "offres.csv"
    write_csv(path, rows, COLUMNS)

    print(f"Machine : {cpu_model()}, {os.cpu_count()} cœurs, Python {platform.python_version()}")
    print(f"Base : {connection.vendor} {database_version(connection)} ; fichier CSV de {count} offres")

    def timed(label, expected):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = import_offers(read_offer_file(path), "bench")
        elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        assert not result.errors, result.errors[:3]
        print(f"{label:<34} {elapsed:7.1f} s ({cpu:5.1f} s CPU)  {count / elapsed:7.0f} lignes/s  {result.summary()}")
        assert getattr(result, expected) == (count if expected != "updated" else len(changed)), result.summary()

    changed = []
    timed("Première importation (créations)", "created")
    timed("Même fichier (inchangées)", "unchanged")
    for row in rows[::10]:
        row["title"] += " (mise à jour)"
        changed.append(row["external_id"])
    write_csv(path, rows, COLUMNS)
    timed("Une ligne sur dix modifiée", "updated")
    print(f"Offres en base : {JobOffer.objects.count()}, ouvertes : {JobOffer.objects.open().count()}")


def write_csv(path, rows, columns):
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "processeur inconnu"


def database_version(connection):
    if connection.vendor == "sqlite":
        import sqlite3

        return sqlite3.sqlite_version
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
