"""Load test: 50 anonymous candidates at once against the production stack, with locust.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metnum .venv/bin/python bench/load/run.py
    … bench/load/run.py --duration 60 --offers 0     # one minute, demo offers only

1. a throwaway database `<DATABASE_URL's name>_load` beside DATABASE_URL's (PostgreSQL; without
   DATABASE_URL, a temporary SQLite file, which is not what production runs), migrated, with the
   demo content and `--offers` more offers imported (bench/offer_rows.py: the demo texts over and
   over, about nine in ten open; default 10 000);
2. the site as docs/deploy.md runs it: production settings, collectstatic into WhiteNoise's
   manifest storage, gunicorn (3 processes of 4 threads, persistent database connections), in
   plain HTTP on the loopback (SECURE_SSL_REDIRECT=false: no proxy in front);
3. locust without its web interface (bench/load/locustfile.py: the mix of pages and the values
   it uses), `--users` people arriving over 10 seconds, for `--duration` seconds (default 300);
4. requests, failures, median and 95th percentile per page type and overall, then the database
   is dropped. The exit status is 1 when a request failed.
"""

import argparse
import csv
import json
import os
import platform
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=300, help="Durée de la charge en secondes (défaut : 300).")
    parser.add_argument("--users", type=int, default=50, help="Personnes simultanées (défaut : 50).")
    parser.add_argument("--offers", type=int, default=10_000, help="Offres importées en plus de la démo (10 000).")
    parser.add_argument("--keep", action="store_true", help="Garder la base et le dossier de travail à la fin.")
    arguments = parser.parse_args()

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metnum_site.settings.dev")
    django.setup()  # throwaway_database closes Django's connections at the end (this process opens none)
    from databases import throwaway_database

    name = (urlsplit(os.environ.get("DATABASE_URL", "")).path.strip("/") or "metnum") + "_load"
    with tempfile.TemporaryDirectory(prefix="metnum-load-") as folder, throwaway_database(name, arguments.keep) as url:
        work = Path(folder)
        print(f"Base jetable : {url}")
        prepare(url, work, arguments.offers)
        with Gunicorn(url, work) as site:
            rows = run_locust(site.url, work, arguments.users, arguments.duration)
        report(rows, arguments)
        if arguments.keep:
            subprocess.run(["cp", "-r", str(work), str(ROOT / "var" / "load-bench")], check=False)
    sys.exit(1 if rows and rows[-1]["Failure Count"] != "0" else 0)


# 1. The database ---------------------------------------------------------------------------------


def prepare(url, work, extra_offers):
    """Migrate, load the demo, import the extra offers and write the catalogue locust reads, in a
    child process: this one must not keep a connection to the database it drops at the end."""
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(work / "media")}
    env["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    env["TASKS_BACKEND"] = "immediate"
    command = [sys.executable, __file__, "--prepare-only", str(work), str(extra_offers)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def prepare_in_this_process(work, extra_offers):
    import django

    django.setup()
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    if extra_offers:
        import_offers(work, extra_offers)
    write_catalogue(work / "catalogue.json")
    print(f"Base prête en {time.monotonic() - started:.0f} s")


def import_offers(work, count):
    from import_bench import write_csv
    from offer_rows import ensure_employers, offer_rows

    from jobs.importer import COLUMNS, import_offers, read_offer_file

    ensure_employers()
    path = work / "offres.csv"
    write_csv(path, offer_rows(count), COLUMNS)
    result = import_offers(read_offer_file(path), "bench")
    print(f"Import de {count} offres : {result.summary()}")


def write_catalogue(path):
    """What the locustfile picks from: open offers' addresses, employers' pages, filter values that
    match open offers, and words of the offers' titles."""
    from editorial.models import InstitutionPage
    from jobs.models import JobOffer

    open_offers = JobOffer.objects.open()
    slugs = list(open_offers.values_list("slug", flat=True))
    random.Random(1).shuffle(slugs)

    def values(column):
        return sorted({value for value in open_offers.values_list(column, flat=True).distinct() if value})

    words = set()
    for title in open_offers.values_list("title", flat=True).distinct()[:500]:
        words.update(word.strip("(),.:;").lower() for word in title.split() if len(word) >= 5)
    catalogue = {
        "offers": [f"/offres/{slug}/" for slug in slugs[:2000]],
        "employers": [page.get_url() for page in InstitutionPage.objects.live()],
        "facets": {
            "institution": values("institution__slug"),
            "metier": values("profession__slug"),
            "contrat": values("contract_types__code"),
            "experience": values("experience_level"),
            "region": values("region_code"),
            "teletravail": values("remote"),
        },
        "words": sorted(word for word in words if word.isalpha()),
    }
    path.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    print(
        f"Offres ouvertes : {len(slugs)}, pages employeur : {len(catalogue['employers'])}, "
        f"mots : {len(catalogue['words'])}"
    )


# 2. The site ---------------------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, database_url, work):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "metnum_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": self.url,
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(work / "media"),
            "SECURE_SSL_REDIRECT": "false",
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
            "SECURITY_CONTACT": "mailto:securite@example.gouv.fr",
        }
        self.process = None

    def __enter__(self):
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=self.env, check=True)
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "metnum_site.wsgi", "--workers", "3", "--threads", "4",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn s'est arrêté au démarrage")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn ne répond pas")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


# 3. locust -----------------------------------------------------------------------------------------


def run_locust(url, work, users, duration):
    prefix = work / "locust"
    env = {**os.environ, "METNUM_LOAD_CATALOGUE": str(work / "catalogue.json")}
    print(f"locust : {users} personnes pendant {duration} s sur {url} (journal : {prefix}.log)")
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(
            [str(BIN / "locust"), "--locustfile", str(Path(__file__).with_name("locustfile.py")), "--headless",
             "--host", url, "--users", str(users), "--spawn-rate", str(max(1, users // 10)),
             "--run-time", f"{duration}s",
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"],
            cwd=ROOT, env=env, check=True, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    with open(f"{prefix}_stats.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    with open(f"{prefix}_failures.csv", encoding="utf-8") as file:
        for failure in csv.DictReader(file):
            print(f"Échec : {failure['Method']} {failure['Name']} ×{failure['Occurrences']} : {failure['Error']}")
    return rows


# 4. The report -------------------------------------------------------------------------------------


def report(rows, arguments):
    print()
    print(f"Machine : {cpu_model()}, {os.cpu_count()} cœurs, Python {platform.python_version()}, charge {load()}")
    print(f"{arguments.users} personnes, {arguments.duration} s, {arguments.offers} offres en plus de la démo")
    print(f"{'Page':<20} {'Requêtes':>9} {'Échecs':>7} {'Req/s':>7} {'p50 (ms)':>9} {'p95 (ms)':>9} {'max (ms)':>9}")
    for row in sorted(rows[:-1], key=lambda row: -int(row["Request Count"])) + rows[-1:]:
        name = "Ensemble" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"{name:<20} {row['Request Count']:>9} {row['Failure Count']:>7} {float(row['Requests/s']):>7.1f} "
            f"{row['50%']:>9} {row['95%']:>9} {float(row['Max Response Time']):>9.0f}"
        )


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "processeur inconnu"


def load():
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--prepare-only":
        prepare_in_this_process(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
