"""Peak memory of an import: `manage.py import_offers` run as a subprocess on a large CSV file (by
default 50 MB of 5 000 long offers), its peak resident memory read from the kernel when it ends.

    .venv/bin/python bench/import_memory.py                      # 50 MB, 5 000 offers (make bench)
    .venv/bin/python bench/import_memory.py --megabytes 100 --offers 10000

Without DATABASE_URL the offers go to a throwaway SQLite file in a temporary folder; with
DATABASE_URL=postgres://… a throwaway database "<name>_import_memory" is created beside it and dropped
at the end. The offers reuse the demo texts (bench/offer_rows.py), their missions lengthened with the
other demo offers' paragraphs until the file reaches the size asked.
"""

import argparse
import csv
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=50, help="Taille du fichier, en Mo (défaut : 50).")
    parser.add_argument("--offers", type=int, default=5000, help="Nombre d'offres du fichier (défaut : 5000).")
    parser.add_argument("--prepare", nargs=2, metavar=("DATABASE_URL", "FICHIER"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.test"
    if arguments.prepare:
        prepare(arguments, *arguments.prepare)
        return

    from databases import throwaway_database

    # A database of its own (beside DATABASE_URL's on PostgreSQL, never the test suite's), dropped at the end.
    with (
        tempfile.TemporaryDirectory(prefix="metnum-bench-") as folder,
        throwaway_database("metnum_import_memory") as url,
    ):
        path = Path(folder) / "offres.csv"
        # Django is set up in another process: the peak that wait4 reports for a child counts the
        # memory of the process it was forked from (Linux keeps the larger of the two at exec), and
        # this one must stay small for the figure to be the import's own.
        subprocess.run(
            [sys.executable, __file__, "--prepare", url, str(path), "--offers", str(arguments.offers)]
            + ["--megabytes", str(arguments.megabytes)],
            check=True,
        )
        run(arguments, path, url)


def prepare(arguments, database_url, path):
    """Migrate the throwaway database, add the demo employers and write the file."""
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command
    from offer_rows import ensure_employers

    call_command("migrate", verbosity=0)
    ensure_employers()
    write_file(Path(path), arguments.offers, arguments.megabytes * 1_000_000)


def run(arguments, path, database_url):
    from import_bench import cpu_model

    size, count = path.stat().st_size, arguments.offers
    vendor = "postgresql" if database_url.startswith(("postgres://", "postgresql://")) else "sqlite"

    print(f"Machine : {cpu_model()}, {os.cpu_count()} cœurs, Python {platform.python_version()}")
    print(f"Base : {vendor} ; fichier CSV de {decimal(size / 1e6)} Mo, {count} offres")
    launcher = resident_megabytes()
    environment = dict(os.environ, DATABASE_URL=database_url)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_offers", str(path), "--source", "memoire"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait4 gives the resources of this child alone (RUSAGE_CHILDREN would add any earlier one).
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    out, err = process.stdout.read(), process.stderr.read()
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    print(f"Import : {decimal(elapsed)} s, statut {process.returncode} ; {out.strip() or err.strip()[-300:]}")
    print(f"Mémoire résidente maximale du processus d'import : {decimal(peak)} Mo (lanceur : {launcher:.0f} Mo)")
    if process.returncode != 0:
        sys.exit(f"L'import a échoué : {err[-2000:]}")


def resident_megabytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def decimal(number):
    return f"{number:.1f}".replace(".", ",")


def write_file(path, count, size):
    """Write `count` offers filling about `size` bytes."""
    from offer_rows import offer_rows

    from jobs.importer import COLUMNS

    rows = offer_rows(count)
    paragraphs = [row["description"] for row in rows[: min(len(rows), 150)]]
    per_row = size // count
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        for number, row in enumerate(rows):
            parts, length = [row["description"]], sum(len(str(value).encode()) for value in row.values())
            index = number
            while length < per_row:
                index += 1
                paragraph = paragraphs[index % len(paragraphs)]
                parts.append(paragraph)
                length += len(paragraph.encode()) + 2
            writer.writerow(dict(row, description="\n\n".join(parts)))


if __name__ == "__main__":
    main()
