"""Lighthouse (mobile) on the production stack: home, search, an offer, an institution page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metnum .venv/bin/python bench/lighthouse.py
    … bench/lighthouse.py --runs 1 --report-only     # one run a page, exit 0 whatever the scores

1. a throwaway database `<DATABASE_URL's name>_lighthouse` beside DATABASE_URL's, which must be
   PostgreSQL (the production stack's requirement), migrated, with the demo content
   (`load_demo_content`), its images in a temporary MEDIA_ROOT, dropped at the end;
2. the site as the production-stack browser tests serve it (tests/browser/production_stack.py):
   production settings, collectstatic into WhiteNoise's compressed manifest storage, gunicorn,
   TLS with a certificate made for the run, /media/ served as the HTTPS proxy serves it;
3. Lighthouse (npm package `lighthouse`, pinned in package.json; `npm ci` installs it) with the
   machine's Chromium (CHROME_PATH, default /usr/bin/chromium), headless, in its default mobile
   mode: emulated phone, simulated throttling (slow 4G, 4× slower processor), `--runs` times a page;
4. the median of each category's score per page, the performance metrics of the median run, the
   audits that cost points in any category under the threshold (0.95), and the load average. The
   exit status is 1 when a median score is under the threshold, unless `--report-only`.

Chromium is told to accept the run's certificate (--ignore-certificate-errors): the page is still
served over HTTPS, which the best-practices category checks.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": "Perf.", "accessibility": "Access.", "best-practices": "Pratiques", "seo": "SEO"}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Passages de Lighthouse par page (médiane ; défaut : 3).")
    parser.add_argument("--threshold", type=float, default=0.95, help="Score minimal par catégorie (0,95).")
    parser.add_argument("--report-only", action="store_true", help="Afficher les scores sans échouer.")
    parser.add_argument("--keep", action="store_true", help="Garder la base et les rapports (var/lighthouse/).")
    arguments = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not LIGHTHOUSE.exists() or not Path(chrome).exists():
        missing = "Lighthouse (npm ci)" if not LIGHTHOUSE.exists() else f"Chromium ({chrome})"
        print(f"Lighthouse ignoré : {missing} absent.")
        return 0
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("Lighthouse ignoré : la pile de production demande PostgreSQL (DATABASE_URL=postgres://…).")
        return 0

    from databases import throwaway_database

    name = (urlsplit(os.environ.get("DATABASE_URL", "")).path.strip("/") or "metnum") + "_lighthouse"
    with (
        tempfile.TemporaryDirectory(prefix="metnum-lighthouse-") as folder,
        throwaway_database(name, arguments.keep) as url,
    ):
        work = Path(folder)
        print(f"Base jetable : {url}")
        os.environ.update({"DATABASE_URL": url, "MEDIA_ROOT": str(work / "media")})
        pages = prepare(work)
        started_load = os.getloadavg()
        stack = start_stack(work)
        results = {}
        try:
            for label, path in pages.items():
                outputs = [work / f"{slug(label)}-{run}.json" for run in range(arguments.runs)]
                results[label] = [lighthouse(stack.url + path, chrome, output) for output in outputs]
        finally:
            stack.stop()
        failed = report(pages, results, arguments, started_load)
        if arguments.keep:
            shutil.copytree(work, ROOT / "var" / "lighthouse", dirs_exist_ok=True)
    return 1 if failed and not arguments.report_only else 0


# 1. The database ---------------------------------------------------------------------------------


def prepare(work):
    """Migrate and load the demo in a child process (this one must not keep a connection to the
    database it drops at the end); returns the pages to measure, by label."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "metnum_site.settings.dev", "TASKS_BACKEND": "immediate"}
    started = time.monotonic()
    subprocess.run([sys.executable, __file__, "--prepare-only", str(work)], cwd=ROOT, env=env, check=True)
    print(f"Base prête en {time.monotonic() - started:.0f} s")
    return json.loads((work / "pages.json").read_text(encoding="utf-8"))


def prepare_in_this_process(work):
    import django

    django.setup()
    from django.core.management import call_command

    from editorial.models import InstitutionPage
    from jobs.models import JobOffer

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    offer = JobOffer.objects.open().order_by("pk").first()
    institution = InstitutionPage.objects.live().order_by("path").first()
    pages = {
        "Accueil": "/",
        "Recherche": "/offres/",
        "Offre": f"/offres/{offer.slug}/",
        "Employeur": urlsplit(institution.get_url()).path,
    }
    (work / "pages.json").write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")


# 2. The site ---------------------------------------------------------------------------------------


def start_stack(work):
    """The production stack of the browser tests, on the throwaway database (DATABASE_URL, MEDIA_ROOT)."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    django.setup()
    from tests.browser.production_stack import ProductionStack

    stack = ProductionStack(work)
    stack.env["LOG_LEVEL"] = "WARNING"
    return stack.start()


# 3. Lighthouse -------------------------------------------------------------------------------------


def lighthouse(url, chrome, output):
    flags = "--headless=new --ignore-certificate-errors --disable-gpu --no-first-run"
    if os.geteuid() == 0:
        flags += " --no-sandbox"
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}",
    ]  # fmt: skip
    # On a busy machine Lighthouse sometimes loses the trace (NO_NAVSTART…): try again, twice.
    for attempt in range(3):
        finished = subprocess.run(command, cwd=ROOT, env={**os.environ, "CHROME_PATH": chrome}).returncode == 0
        result = json.loads(output.read_text(encoding="utf-8")) if finished else {}
        if finished and not result.get("runtimeError"):
            return result
        print(f"Lighthouse, {url} : passage raté, nouvel essai ({attempt + 1}/2)" if attempt < 2 else "")
    raise RuntimeError(f"Lighthouse a échoué trois fois sur {url}")


# 4. The report -------------------------------------------------------------------------------------


def score(result, category):
    value = result["categories"][category]["score"]
    return 0.0 if value is None else value


def report(pages, results, arguments, started_load):
    runs = arguments.runs
    print()
    print(f"Lighthouse {next(iter(results.values()))[0]['lighthouseVersion']}, mobile, {runs} passage(s) par page")
    print(f"Charge moyenne (1, 5, 15 min) : au début {load(started_load)}, à la fin {load(os.getloadavg())}")
    header = f"{'Page':<11}" + "".join(f"{title:>10}" for title in CATEGORIES.values())
    print(header + "".join(f"{title:>8}" for title in METRICS.values()) + "  Adresse")
    failures = []
    for label, runs_of_page in results.items():
        medians = {category: statistics.median(score(run, category) for run in runs_of_page) for category in CATEGORIES}
        # The run whose performance score is the median one gives the metrics and the audits.
        ranked = sorted(runs_of_page, key=lambda run: score(run, "performance"))
        median_run = ranked[(len(ranked) - 1) // 2]
        performances = [score(run, "performance") for run in runs_of_page]
        cells = "".join(f"{medians[category]:>10.2f}" for category in CATEGORIES)
        metrics = "".join(f"{metric(median_run, audit):>8}" for audit in METRICS)
        print(f"{label:<11}{cells}{metrics}  {pages[label]}")
        if min(performances) != max(performances):
            print(f"{'':<11}performance de {min(performances):.2f} à {max(performances):.2f} selon le passage")
        for category in CATEGORIES:
            if medians[category] < arguments.threshold:
                failures.append((label, category, medians[category], lost_points(median_run, category)))
    for label, category, value, audits in failures:
        print(f"\n{label}, {category} {value:.2f} < {arguments.threshold:.2f} :")
        for audit in audits:
            print(f"  - {audit}")
    if not failures:
        print(f"\nToutes les catégories atteignent {arguments.threshold:.2f} sur toutes les pages.")
    return bool(failures)


def metric(result, audit):
    value = result["audits"][audit].get("numericValue")
    if value is None:
        return "—"
    if audit == "cumulative-layout-shift":
        return f"{value:.3f}"
    return f"{value / 1000:.1f} s"


def lost_points(result, category):
    """The weighted audits of `category` that did not pass, heaviest first."""
    lost = []
    for reference in result["categories"][category]["auditRefs"]:
        audit = result["audits"][reference["id"]]
        if reference["weight"] and audit.get("score") is not None and audit["score"] < 1:
            text = f"{audit['id']} ({audit['score']:.2f}) {audit['title']} {audit.get('displayValue') or ''}"
            lost.append((reference["weight"], text.strip()))
    # Unscored diagnostics that name the cause (console errors, render-blocking resources…).
    if category == "performance":
        for audit_id in ("render-blocking-resources", "uses-text-compression", "unused-css-rules", "font-display"):
            audit = result["audits"].get(audit_id)
            if audit and audit.get("score") is not None and audit["score"] < 1:
                lost.append((0, f"{audit_id} : {audit['title']} {audit.get('displayValue') or ''}".strip()))
    return [text for _, text in sorted(lost, key=lambda item: -item[0])]


def load(values):
    return ", ".join(f"{value:.1f}" for value in values)


def slug(label):
    return label.lower().replace(" ", "-")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--prepare-only":
        prepare_in_this_process(Path(sys.argv[2]))
    else:
        sys.exit(main())
