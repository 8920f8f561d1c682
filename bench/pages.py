"""Page render benchmark: our public pages (without and with the page cache) against wagtail/bakerydemo.

    .venv/bin/python bench/pages.py [--rounds 15]
        [--bakerydemo /tmp/bakery/src --bakerydemo-python /tmp/bakery/venv/bin/python]

Loads the demo content into a throwaway database (bench/databases.py), then, in one interleaved run,
times an anonymous GET through Django's test client (every middleware, templates, database) of each
role: home, index, detail, search. Each round measures our page without the cache, our page served
from the cache, then bakerydemo's comparable page in a second process (its own settings, on the same
Wagtail and Django), so that both sides share the machine's load. Prints medians and the ratios
ours/bakerydemo. Without bakerydemo (see docs/benchmarks.md for how to get it), prints ours only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

# (role, bakerydemo's comparable page); our pages are found in the demo content.
BAKERY_PAGES = {
    "accueil": "/",
    "index (employeurs / pains)": "/breads/",
    "index (témoignages / blog)": "/blog/",
    "détail (offre / pain)": None,  # the first bread page
    "détail (page employeur / billet)": None,  # the first blog page
    "recherche": "/search/?q=bread",
}

BAKERY_SETTINGS = """\
# Written by MetNum's bench/pages.py: bakerydemo on MetNum's Wagtail and Django, without debug.
from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "bench-only"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
"""

BAKERY_WORKER = """\
import os, sys, time, json
os.environ["DJANGO_SETTINGS_MODULE"] = "bakerydemo.settings.metnum_bench"
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.test import Client
from bakerydemo.blog.models import BlogPage
from bakerydemo.breads.models import BreadPage
client = Client()
urls = {"bread": BreadPage.objects.live().first().url, "blog": BlogPage.objects.live().first().url}
print(json.dumps(urls), flush=True)
for line in sys.stdin:
    path = line.strip()
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    print(json.dumps({"status": response.status_code, "ms": elapsed}), flush=True)
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="passages de chaque page (défaut : 15)")
    parser.add_argument("--bakerydemo", default=os.environ.get("BAKERYDEMO_DIR", "/tmp/bakery/src"))
    default_python = os.environ.get("BAKERYDEMO_PYTHON", "/tmp/bakery/venv/bin/python")
    parser.add_argument("--bakerydemo-python", default=default_python)
    parser.add_argument("--bench-database", default="metnum_pages_bench", help="nom de la base PostgreSQL jetable")
    return parser.parse_args()


class Bakery:
    """bakerydemo in a process of its own, answering one timed GET per line."""

    def __init__(self, directory, python):
        directory = Path(directory)
        (directory / "bakerydemo" / "settings" / "metnum_bench.py").write_text(BAKERY_SETTINGS)
        worker = directory / "metnum_bench_worker.py"
        worker.write_text(BAKERY_WORKER)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.metnum_bench"}
        env.pop("DATABASE_URL", None)
        if not (directory / "bakerydemodb").exists():
            print("bakerydemo : migrate et load_initial_data (une fois)…", flush=True)
            for command in (["migrate", "-v0"], ["load_initial_data"]):
                subprocess.run([python, "manage.py", *command], cwd=directory, env=env, check=True, capture_output=True)
        self.process = subprocess.Popen(
            [python, str(worker)], cwd=directory, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.urls = json.loads(self.process.stdout.readline())

    def get(self, path):
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert answer["status"] == 200, (path, answer)
        return answer["ms"]

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def bakery_or_none(args):
    directory, python = Path(args.bakerydemo), Path(args.bakerydemo_python)
    if not (directory / "bakerydemo").is_dir() or not python.exists():
        print(
            f"bakerydemo absent ({directory}, {python}) : comparaison ignorée, nos chiffres seuls. "
            "Pour l'obtenir : docs/benchmarks.md, « Pages publiques ».",
            flush=True,
        )
        return None
    return Bakery(directory, python)


def our_pages():
    from editorial.models import InstitutionPage
    from jobs.models import JobOffer

    return {
        "accueil": "/",
        "index (employeurs / pains)": "/employeurs/",
        "index (témoignages / blog)": "/temoignages/",
        "détail (offre / pain)": JobOffer.objects.open().order_by("pk").first().get_absolute_url(),
        "détail (page employeur / billet)": InstitutionPage.objects.live().order_by("pk").first().url,
        "recherche": "/offres/?q=d%C3%A9veloppeur",
    }


def timed_get(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def main():
    args = parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    os.environ.update(DEBUG="false", TASKS_BACKEND="immediate", ELASTICSEARCH_URL="", ALLOWED_HOSTS="testserver")
    os.environ.update(PAGE_CACHE_ENABLED="true", REDIS_URL="")
    from bench.databases import throwaway_database

    with throwaway_database(args.bench_database) as url:
        os.environ["DATABASE_URL"] = url
        import django

        django.setup()
        from django.conf import settings
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"Démo chargée en {time.perf_counter() - started:.0f} s ({connection.vendor})", flush=True)

        pages = our_pages()
        bakery = bakery_or_none(args)
        bakery_pages = dict(BAKERY_PAGES)
        if bakery:
            bakery_pages["détail (offre / pain)"] = bakery.urls["bread"]
            bakery_pages["détail (page employeur / billet)"] = bakery.urls["blog"]
        client = Client()
        timings = {role: {"sans cache": [], "avec cache": [], "bakerydemo": []} for role in pages}
        for role, path in pages.items():  # warm-up: template loading, renditions, connections
            timed_get(client, path)
            if bakery:
                bakery.get(bakery_pages[role])
        for _ in range(args.rounds):
            for role, path in pages.items():
                settings.PAGE_CACHE_ENABLED = False
                timings[role]["sans cache"].append(timed_get(client, path))
                settings.PAGE_CACHE_ENABLED = True
                cache.clear()
                timed_get(client, path)  # fills the cache
                timings[role]["avec cache"].append(timed_get(client, path))
                if bakery:
                    timings[role]["bakerydemo"].append(bakery.get(bakery_pages[role]))
        if bakery:
            bakery.close()

        print(f"Médianes sur {args.rounds} passages entrelacés (ms), client de test de Django, requêtes anonymes :")
        header = f"{'rôle':36} {'sans cache':>11} {'avec cache':>11}"
        print(header + (f" {'bakerydemo':>11} {'ratio sans':>11} {'ratio avec':>11}" if bakery else ""))
        for role, measured in timings.items():
            uncached, cached = statistics.median(measured["sans cache"]), statistics.median(measured["avec cache"])
            line = f"{role:36} {uncached:11.1f} {cached:11.1f}"
            if bakery:
                reference = statistics.median(measured["bakerydemo"])
                line += f" {reference:11.1f} {uncached / reference:10.2f}× {cached / reference:10.2f}×"
            print(line)
        if bakery:
            print(textwrap.fill("ratio = notre médiane / celle de bakerydemo (qui n'a pas de cache de pages).", 100))


if __name__ == "__main__":
    main()
