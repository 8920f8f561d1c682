"""Offer search benchmark: our faceted search against what a Wagtail developer would write.

    .venv/bin/python bench/search_bench.py --offers 100000 --engine db
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metnum bench/search_bench.py --offers 100000
    ELASTICSEARCH_URL=http://127.0.0.1:9200 bench/search_bench.py --offers 100000 --engine es

Generates N realistic offers into a throwaway database (a temporary SQLite file; or, when
DATABASE_URL points at PostgreSQL, a database created next to it and dropped at the end), builds the
search index in bulk, then runs a fixed mix of 50 searches (text only, filters only, text and filters,
deep pages) several times. Prints p50 / p95 in milliseconds for
  (a) our full faceted search: search.engines (results, highlights and every disjunctive facet count);
  (b) the baseline: `.search(q)` plus one `.facet()` per facet (non-disjunctive), or plain ORM counts
      when there is no text;
and the ratio a/b, with the five slowest searches of (a) (what its p95 is made of); then for the
feeds (the 50 newest offers of each search of the mix) and the suggestions (20 partly typed words
and names). On PostgreSQL it also measures a text count with and without the GIN index on
`title || body` (search/migrations/0002).
"""

import argparse
import contextlib
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

INSTITUTIONS = [
    "Direction interministérielle du numérique",
    "Agence nationale de la sécurité des systèmes d'information",
    "Ministère de l'Intérieur",
    "Ministère des Armées",
    "Ministère de l'Économie et des Finances",
    "Direction générale des Finances publiques",
    "Ministère de l'Éducation nationale",
    "Ministère de la Justice",
    "Institut national de la statistique et des études économiques",
    "Caisse nationale d'assurance maladie",
    "France Travail",
    "Ministère de la Transition écologique",
    "Ministère de la Culture",
    "Ministère de l'Agriculture",
    "Ministère du Travail",
    "Météo-France",
    "Institut national de l'information géographique et forestière",
    "Agence nationale des titres sécurisés",
    "Cour des comptes",
    "Conseil d'État",
    "Commission nationale de l'informatique et des libertés",
    "Direction générale des douanes et droits indirects",
    "Services du Premier ministre",
    "Agence de l'environnement et de la maîtrise de l'énergie",
]
ROLES = [
    "Développeuse ou développeur",
    "Développeur",
    "Développeuse",
    "Cheffe de projet",
    "Chef de projet",
    "Data engineer",
    "Data scientist",
    "Analyste de données",
    "Architecte",
    "Administratrice systèmes",
    "Administrateur systèmes",
    "Ingénieure DevOps",
    "Ingénieur DevOps",
    "Product owner",
    "UX designer",
    "UI designer",
    "RSSI",
    "Analyste SOC",
    "Technicienne support",
    "Technicien support",
    "Responsable de la sécurité des systèmes d'information",
    "Directrice des systèmes d'information",
    "SRE",
    "Urbaniste SI",
    "Chargée de mission numérique",
]
SPECIALTIES = [
    "Python",
    "Java",
    "JavaScript",
    "React",
    "Django",
    "PHP",
    "Kubernetes",
    "cloud",
    "Linux",
    "réseaux",
    "données",
    "cybersécurité",
    "accessibilité",
    "open data",
    "infrastructure",
    "applications métier",
    "décisionnel",
    "intelligence artificielle",
    "messagerie",
    "identité numérique",
]
LEVELS = ["", " senior", " confirmé·e", " junior", " expert·e", " adjoint·e"]
SKILLS = [
    "Python",
    "Django",
    "Java",
    "Spring",
    "JavaScript",
    "TypeScript",
    "React",
    "Vue.js",
    "PostgreSQL",
    "Elasticsearch",
    "Kubernetes",
    "Docker",
    "Terraform",
    "Ansible",
    "Linux",
    "Git",
    "Accessibilité",
    "RGAA",
    "DSFR",
    "Agilité",
    "Scrum",
    "SQL",
    "Spark",
    "Airflow",
    "Power BI",
    "Tableau",
    "ISO 27001",
    "EBIOS",
    "SOC",
    "SIEM",
    "Pentest",
    "Réseaux",
    "Cloud",
    "AWS",
    "OpenStack",
    "API",
    "Sécurité",
    "RGPD",
    "UX",
    "Figma",
]
MISSIONS = [
    "Vous concevez et développez des services publics numériques utilisés par des millions d'usagers.",
    "Vous rejoignez une équipe produit autonome qui améliore l'accès aux droits.",
    "Vous participez à la modernisation du système d'information de l'État.",
    "Vous garantissez la sécurité des systèmes d'information et pilotez la réponse aux incidents.",
    "Vous exploitez et faites évoluer une plateforme cloud souveraine.",
    "Vous valorisez les données publiques et construisez des tableaux de bord pour les décideurs.",
    "Vous menez des entretiens avec les usagers et concevez des parcours simples et accessibles.",
    "Vous pilotez les projets de transformation numérique avec les directions métier.",
    "Vous automatisez les déploiements et améliorez la fiabilité des services en production.",
    "Vous accompagnez les agents dans l'usage des outils numériques au quotidien.",
    "Vous administrez les serveurs Linux et les réseaux du ministère.",
    "Vous encadrez une équipe de développeuses et de développeurs.",
    "Vous définissez l'architecture technique des applications métier.",
    "Vous animez la communauté des produits numériques de l'administration.",
]
PROFILES = [
    "Vous aimez le code propre, les tests et le travail en équipe.",
    "Vous avez le sens du service public et de l'intérêt général.",
    "Une première expérience en administration centrale est un plus.",
    "Vous maîtrisez les méthodes agiles.",
    "Vous êtes curieuse ou curieux et aimez apprendre.",
]
PLACES = [
    ("Paris", "75007"),
    ("Paris", "75013"),
    ("Montreuil", "93100"),
    ("Nanterre", "92000"),
    ("Lyon", "69003"),
    ("Marseille", "13001"),
    ("Toulouse", "31000"),
    ("Nantes", "44000"),
    ("Rennes", "35000"),
    ("Lille", "59000"),
    ("Bordeaux", "33000"),
    ("Strasbourg", "67000"),
    ("Metz", "57000"),
    ("Dijon", "21000"),
    ("Besançon", "25000"),
    ("Orléans", "45000"),
    ("Tours", "37000"),
    ("Rouen", "76000"),
    ("Caen", "14000"),
    ("Amiens", "80000"),
    ("Montpellier", "34000"),
    ("Nice", "06000"),
    ("Clermont-Ferrand", "63000"),
    ("Limoges", "87000"),
    ("Poitiers", "86000"),
    ("Ajaccio", "20000"),
    ("Bastia", "20200"),
    ("Pointe-à-Pitre", "97110"),
    ("Fort-de-France", "97200"),
    ("Cayenne", "97300"),
    ("Saint-Denis", "97400"),
    ("Mamoudzou", "97600"),
]

FACET_FIELDS = {
    "institution_id": "institution",
    "profession_id": "metier",
    "contract_types": "contrat",
    "category": "categorie",
    "experience_level": "experience",
    "region_code": "region",
    "remote": "teletravail",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offers", type=int, default=10_000, help="nombre d'offres générées (défaut : 10 000)")
    parser.add_argument("--engine", choices=("db", "es"), default="db", help="moteur mesuré (défaut : db)")
    parser.add_argument("--runs", type=int, default=1, help="mesures successives de la recherche (défaut : 1)")
    parser.add_argument("--rounds", type=int, default=3, help="passages du jeu de 50 recherches (défaut : 3)")
    parser.add_argument("--bench-database", default="metnum_search_bench", help="nom de la base PostgreSQL jetable")
    parser.add_argument("--keep", action="store_true", help="garder la base générée (PostgreSQL) pour l'examiner")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="mesurer sur la base gardée par un passage précédent avec --keep (ni génération ni index)",
    )
    parser.add_argument(
        "--parts",
        default="search,baseline,feeds,suggestions",
        help="mesures à faire, séparées par des virgules (défaut : search,baseline,feeds,suggestions)",
    )
    return parser.parse_args()


def generate(count, seed=20260501):
    """Bulk-creates `count` offers (no revisions, no signals), about 85 % of them open."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django.utils.text import slugify

    from jobs import geography
    from jobs.models import ContractType, Institution, JobOffer, JobOfferSkill, Profession, Skill

    rng = random.Random(seed)
    institutions = Institution.objects.bulk_create(
        [Institution(name=name, slug=slugify(name)[:80]) for name in INSTITUTIONS]
        + [
            Institution(name=f"Direction régionale du numérique n° {n}", slug=f"direction-regionale-{n}")
            for n in range(1, 57)
        ]
    )
    professions = list(Profession.objects.all())
    contracts = list(ContractType.objects.all())
    tags = Skill.objects.bulk_create([Skill(name=name, slug=slugify(name)) for name in SKILLS])
    places = [(city, code, geography.departement_for_postal_code(code)) for city, code in PLACES]
    now, today = timezone.now(), timezone.localdate()

    offers = []
    for n in range(count):
        title = f"{rng.choice(ROLES)} {rng.choice(SPECIALTIES)}{rng.choice(LEVELS)}"
        city, postal_code, departement = rng.choice(places)
        salary_min = rng.randrange(30_000, 70_000, 1_000) if rng.random() < 0.65 else None
        salary_max = salary_min + rng.randrange(0, 25_000, 1_000) if salary_min and rng.random() < 0.7 else None
        published = now - datetime.timedelta(days=rng.uniform(0, 120))
        offers.append(
            JobOffer(
                title=title,
                slug=f"{slugify(title)[:180]}-{n}",
                reference=f"BENCH-{n:06d}",
                institution=rng.choice(institutions),
                team=rng.choice(["", "Direction du numérique", "Pôle données", "Service des systèmes d'information"]),
                profession=rng.choice(professions),
                category=rng.choice(["aplus", "a", "a", "a", "b", "b", "c", ""]),
                experience_level=rng.choice(["debutant", "confirme", "confirme", "senior", "expert"]),
                remote=rng.choice(["aucun", "partiel", "partiel", "partiel", "total"]),
                city=city,
                postal_code=postal_code,
                departement_code=departement.code,
                region_code=departement.region.code,
                salary_min=salary_min,
                salary_max=salary_max,
                missions="".join(f"<p>{sentence}</p>" for sentence in rng.sample(MISSIONS, 3)),
                profile="".join(f"<p>{sentence}</p>" for sentence in rng.sample(PROFILES, 2)),
                apply_url="https://candidature.example.gouv.fr/offre",
                deadline=today + datetime.timedelta(days=rng.randint(-20, 90)),
                filled_at=today if rng.random() < 0.03 else None,
                live=rng.random() < 0.95,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
            )
        )
    offers = JobOffer.objects.bulk_create(offers, batch_size=2000)
    through = JobOffer.contract_types.through
    through.objects.bulk_create(
        [
            through(joboffer_id=offer.pk, contracttype_id=contract.pk)
            for offer in offers
            for contract in rng.sample(contracts, rng.choice([1, 1, 2]))
        ],
        batch_size=5000,
    )
    JobOffer.objects.refresh_contract_masks()
    content_type = ContentType.objects.get_for_model(JobOffer)
    JobOfferSkill.objects.bulk_create(
        [
            JobOfferSkill(content_object_id=offer.pk, tag_id=tag.pk)
            for offer in offers
            for tag in rng.sample(tags, rng.randint(2, 5))
        ],
        batch_size=5000,
    )
    del content_type
    return JobOffer.objects.open().count()


def build_database_index():
    from modelsearch.backends import get_search_backend

    from jobs.models import JobOffer

    backend = get_search_backend()
    offers = JobOffer.get_indexed_objects().order_by("pk")
    last = 0
    while True:
        chunk = list(offers.filter(pk__gt=last)[:2000])
        if not chunk:
            break
        backend.add_bulk(JobOffer, chunk)
        last = chunk[-1].pk
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def searches(seed=7):
    """The fixed mix: 15 text only, 15 filters only, 15 text and filters, 5 deep pages."""
    rng = random.Random(seed)
    texts = [
        "développeur",
        "developpeurs python",
        "data",
        "cheffe de projet",
        "RSSI",
        "devops kubernetes",
        "ux designer",
        "sécurité des systèmes d'information",
        "données",
        "architecte cloud",
        "l'État",
        "administrateur linux",
        "accessibilité",
        "product owner",
        "intelligence artificielle",
    ]
    facets = {
        "region": ["11", "84", "76", "75", "52", "44", "32", "93", "04"],
        "teletravail": ["partiel", "total", "aucun"],
        "categorie": ["a", "aplus", "b"],
        "experience": ["debutant", "senior", "confirme"],
        "contrat": ["titulaire_ou_contractuel", "contractuel", "stage", "apprentissage"],
        "metier": ["developpement", "donnees", "securite", "design"],
    }

    def some_filters():
        chosen = {}
        for name in rng.sample(sorted(facets), rng.randint(1, 3)):
            chosen[name] = rng.sample(facets[name], rng.randint(1, 2))
        if rng.random() < 0.2:
            chosen["salaire_min"] = [str(rng.choice([40_000, 50_000, 60_000]))]
        if rng.random() < 0.2:
            chosen["publiee"] = [rng.choice(["7", "30"])]
        return chosen

    mix = [{"q": [text]} for text in texts]
    mix += [some_filters() for _ in range(15)]
    mix += [{"q": [rng.choice(texts)], **some_filters()} for _ in range(15)]
    mix += [{"page": ["40"]}, {"page": ["300"]}, {"q": ["données"], "page": ["25"]}]
    mix += [{"region": ["11"], "page": ["60"]}, {"q": ["développeur"], "tri": ["date"], "page": ["30"]}]
    return mix


SLOWEST = 5  # with three rounds, the p95 of the 150 timings is the 142nd: the slowest few searches make it


def describe(params):
    return " ".join(f"{key}={value}" for key, values in params.items() for value in values)


def as_querydict(params):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in params.items():
        data.setlist(key, values)
    return data


def ours(engine):
    from search.query import OfferQuery

    def run(params):
        results = engine.search(OfferQuery.from_querydict(as_querydict(params)))
        return results.total, len(results.hits)

    return run


def baseline(params):
    """What a Wagtail developer would write: filter the open offers, `.search(q)`, one `.facet()` per
    facet (each counted with every filter applied), the page of results."""
    from django.db.models import Count
    from modelsearch.backends import get_search_backend

    from jobs.models import Institution, JobOffer, Profession
    from search.query import OfferQuery

    query = OfferQuery.from_querydict(as_querydict(params))
    offers = JobOffer.objects.open()
    lookups = {
        "institution": lambda values: {"institution_id__in": Institution.objects.filter(slug__in=values)},
        "metier": lambda values: {"profession_id__in": Profession.objects.filter(slug__in=values)},
        "contrat": lambda values: {"pk__in": JobOffer.objects.filter(contract_types__code__in=values).values("pk")},
        "categorie": lambda values: {"category__in": values},
        "experience": lambda values: {"experience_level__in": values},
        "region": lambda values: {"region_code__in": values},
        "departement": lambda values: {"departement_code__in": values},
        "teletravail": lambda values: {"remote__in": values},
    }
    for name, values in query.filters.items():
        offers = offers.filter(**lookups[name](values))
    if query.salary_min:
        offers = offers.filter(salary_max__gte=query.salary_min)
    if query.published_within:
        offers = offers.filter(
            first_published_at__gte=datetime.datetime.now(datetime.UTC)
            - datetime.timedelta(days=query.published_within)
        )
    start = (query.page - 1) * 20
    if query.text:
        results = get_search_backend().search(query.text, offers)
        facets = [results.facet(field) for field in FACET_FIELDS]
        page = list(results[start : start + 20])
        total = results.count()
    else:
        facets = [list(offers.values(field).annotate(count=Count("pk")).order_by("-count")) for field in FACET_FIELDS]
        page = list(offers.order_by("-first_published_at")[start : start + 20])
        total = offers.count()
    return total, len(page), len(facets)


TARGET_P95_MS = 100  # issue 13: the full faceted search at 100,000 offers on PostgreSQL

# What candidates type into the search box, letter by letter or nearly.
TYPED = [
    "d",
    "dé",
    "dév",
    "devel",
    "développeuse py",
    "data",
    "data sc",
    "chef",
    "cheffe de p",
    "sécu",
    "python",
    "ux",
    "archi",
    "devops k",
    "rssi",
    "min",
    "ministère de l",
    "anssi",
    "admin",
    "réseau",
]


def suggestions(engine):
    def run(text):
        return len(engine.autocomplete(text))

    return run


def feeds(engine):
    """The feed of each search of the mix: its 50 newest offers, no facet."""
    from search.query import OfferQuery

    def run(params):
        return len(engine.newest(OfferQuery.from_querydict(as_querydict(params)), 50))

    return run


def measure(function, mix, rounds, per_search=None):
    """(p50, p95) in ms of `rounds` passes over `mix`; each search's timings are added to
    `per_search` (index in the mix → list of ms) when given."""
    function(mix[0])  # warm-up: connections, caches
    timings = []
    for _ in range(rounds):
        for index, params in enumerate(mix):
            started = time.perf_counter()
            function(params)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            if per_search is not None:
                per_search.setdefault(index, []).append(elapsed)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def gin_effect(words=("messagerie", "développeur")):
    """Median time of Wagtail's `search(word, JobOffer).count()` with and without the GIN index on
    `title || body`, for a selective word and for a word found in a third of the offers."""
    from django.db import connection
    from modelsearch.backends import get_search_backend

    from jobs.models import JobOffer

    def timed(word):
        samples = []
        for _ in range(7):
            started = time.perf_counter()
            get_search_backend().search(word, JobOffer).count()
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)

    with_index = {word: timed(word) for word in words}
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX search_indexentry_title_body_gin")
    without_index = {word: timed(word) for word in words}
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX search_indexentry_title_body_gin ON wagtailsearch_indexentry USING gin ((title || body))"
        )
        # A new index has no statistics: without them PostgreSQL takes any text match for a rare one, and
        # a database kept for --reuse would be measured with plans of a fresh install.
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    return {word: (with_index[word], without_index[word]) for word in words}


@contextlib.contextmanager
def kept_database(name):
    """The DATABASE_URL of the database a run with --keep left (PostgreSQL)."""
    from urllib.parse import urlsplit, urlunsplit

    yield urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + name))


def cpu_model():
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "processeur inconnu"


def main():
    args = parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    os.environ["DEBUG"] = "false"  # no query log
    os.environ["TASKS_BACKEND"] = "immediate"
    if args.engine == "es" and not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("--engine es demande ELASTICSEARCH_URL.")
    if args.engine == "db":
        os.environ["ELASTICSEARCH_URL"] = ""
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = "metnum-bench"

    from bench.databases import throwaway_database

    with (
        kept_database(args.bench_database)
        if args.reuse
        else throwaway_database(args.bench_database, keep=args.keep) as url
    ):
        os.environ["DATABASE_URL"] = url
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from modelsearch.index import FilterField

        from jobs.models import JobOffer
        from search.engines import database, elasticsearch, fallback, get_engine  # noqa: F401 (import now)

        # The baseline filters and facets on these columns: Wagtail requires them as FilterFields.
        filtered = [*FACET_FIELDS, "id", "go_live_at", "expire_at", "filled_at", "deadline", "first_published_at"]
        filtered += ["salary_min", "salary_max", "departement_code"]
        JobOffer.search_fields = [*JobOffer.search_fields, *(FilterField(field) for field in filtered)]

        generated = indexed = 0.0
        if args.reuse:
            call_command("migrate", verbosity=0)  # a database kept by an earlier version of the code
            open_count = JobOffer.objects.open().count()
            args.offers = JobOffer.objects.count()
        else:
            started = time.perf_counter()
            call_command("migrate", verbosity=0)
            print(f"Migrations : {time.perf_counter() - started:.1f} s", flush=True)
            started = time.perf_counter()
            open_count = generate(args.offers)
            generated = time.perf_counter() - started
            started = time.perf_counter()
            build_database_index()
            if args.engine == "es":
                call_command("search_index", "rebuild", verbosity=0)
            indexed = time.perf_counter() - started

        engine = get_engine()
        mix = searches()
        parts = set(args.parts.split(","))
        load_before = os.getloadavg()[0]
        print(f"{args.offers} offres générées en {generated:.1f} s, index en {indexed:.1f} s ; mesures…", flush=True)
        per_search = {}
        search_runs = args.runs if "search" in parts else 0
        runs = [measure(ours(engine), mix, args.rounds, per_search) for _ in range(search_runs)]
        base = measure(baseline, mix, args.rounds) if "baseline" in parts else None
        feed = measure(feeds(engine), mix, args.rounds) if "feeds" in parts else None
        typed = measure(suggestions(engine), TYPED, args.rounds) if "suggestions" in parts else None

        load_after = os.getloadavg()[0]
        print(f"Machine : {cpu_model()}, {os.cpu_count()} processeurs ; charge {load_before:.1f} → {load_after:.1f}")
        print(f"Base : {connection.vendor} ; moteur : {engine.name}")
        print(f"Offres générées : {args.offers} ({open_count} ouvertes) en {generated:.1f} s")
        print(f"Index de recherche construit en {indexed:.1f} s")
        print(f"Recherches : {len(mix)} × {args.rounds} passages")
        for number, (p50, p95) in enumerate(runs, 1):
            print(f"(a) recherche à facettes complète, mesure {number} : p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        if len(runs) > 1:
            under = sum(p95 <= TARGET_P95_MS for _, p95 in runs)
            print(f"(a) p95 ≤ {TARGET_P95_MS} ms dans {under} mesures sur {len(runs)}")
        if per_search:
            slowest = sorted(per_search.items(), key=lambda item: statistics.median(item[1]), reverse=True)[:SLOWEST]
            passes = len(slowest[0][1])
            print(f"(a) les {SLOWEST} plus lentes (médiane de {passes} passage{'s' if passes > 1 else ''}) :")
            for index, timings in slowest:
                print(f"    {statistics.median(timings):6.1f} ms  {describe(mix[index])}")
        if base:
            print(f"(b) .search() + .facet() par facette : p50 {base[0]:.1f} ms, p95 {base[1]:.1f} ms")
        if base and runs:
            p50, p95 = statistics.median(run[0] for run in runs), max(run[1] for run in runs)
            print(f"ratio a/b (médiane des p50, pire p95) : p50 {p50 / base[0]:.2f}, p95 {p95 / base[1]:.2f}")
        if feed:
            print(f"Flux (50 offres les plus récentes, sans facettes) : p50 {feed[0]:.1f} ms, p95 {feed[1]:.1f} ms")
        if typed:
            print(f"Suggestions ({len(TYPED)} saisies × {args.rounds}) : p50 {typed[0]:.1f} ms, p95 {typed[1]:.1f} ms")
        if connection.vendor == "postgresql":
            for word, (with_index, without_index) in gin_effect().items():
                print(
                    f"count() de la recherche « {word} » : {with_index:.1f} ms avec l'index GIN sur title || body, "
                    f"{without_index:.1f} ms sans"
                )
        if args.engine == "es":
            call_command("search_index", "delete", verbosity=0)


if __name__ == "__main__":
    main()
