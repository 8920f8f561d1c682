"""The open-data API (docs/api.md): /api/v1/offres/, /api/v1/institutions/, the OpenAPI schema, the
datasets, and its documentation page /api/.

The offers and the institutions' counts come from the offer search itself: the GET parameters are
read by OfferQuery.from_querydict and answered by get_engine().search(), exactly as on /offres/,
so that a search gives the same offers, in the same order, with the same total, in both places. The
API only refuses, with a 400, what /offres/ would silently drop (unknown values, malformed numbers).
"""

from dataclasses import replace

from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, urlencode

from jobs.models import Institution, JobOffer
from metnum_site.addresses import absolute_url
from search.engines import get_engine
from search.query import CODE_LABELS, MAX_PAGE, MAX_RESULT_WINDOW, PAGE_SIZE, OfferQuery

from . import datasets, openapi
from .cursor import DEFAULT_SIZE, MAX_SIZE, Cursor, InvalidCursor, search_digest
from .errors import ApiError, bad_parameters, detail
from .http import api_view, with_conditional
from .representation import institution_json, offer_json

MAX_DETAILS = 20
# Everything a page of offers shows, in a fixed number of queries whatever its length.
OFFER_RELATIONS = ("institution", "institution__employer_page", "profession")

MALFORMED = {
    "salaire_min": (
        "Le salaire minimum doit être un nombre entier d'euros bruts par an, de 1 à 1 000 000.",
        "salaire_min must be a whole number of gross euros per year, from 1 to 1,000,000.",
    ),
    "publiee": ("publiee doit valoir 7 ou 30 (jours).", "publiee must be 7 or 30 (days)."),
    "rayon": ("rayon doit valoir 10, 30, 50 ou 100 (kilomètres).", "rayon must be 10, 30, 50 or 100 (kilometres)."),
    "autour": (
        "Commune introuvable : écrivez son nom, par exemple « Lyon », ou « Saint-Denis (La Réunion) » "
        "quand plusieurs communes le portent.",
        "Unknown commune: write its name, such as « Lyon », or « Saint-Denis (La Réunion) » when several "
        "communes share it.",
    ),
    "tri": (
        "tri doit valoir pertinence, date, echeance ou salaire.",
        "tri must be pertinence, date, echeance or salaire.",
    ),
}


def first(data, name):
    values = data.getlist(name)
    return values[-1] if values else None


def unknown_value_detail(name, value):
    if name in MALFORMED:
        return detail(name, value, *MALFORMED[name])
    if name in ("institution", "metier"):
        listing = "/api/v1/institutions/" if name == "institution" else "la documentation"
        return detail(
            name,
            value,
            f"Identifiant inconnu pour {name} (voir {listing}).",
            f"Unknown identifier for {name} (see {listing}).",
        )
    if name in ("region", "departement"):
        return detail(name, value, f"Code INSEE inconnu pour {name}.", f"Unknown INSEE code for {name}.")
    codes = ", ".join(CODE_LABELS[name])
    return detail(
        name,
        value,
        f"Valeur inconnue pour {name} ; valeurs permises : {codes}.",
        f"Unknown value for {name}; allowed: {codes}.",
    )


def read_query(request):
    """The OfferQuery of the request, or ApiError(400) naming every value /offres/ would have dropped."""
    data = request.GET
    query = OfferQuery.from_querydict(data)
    details = []
    if "page" in data:
        details.append(
            detail(
                "page",
                first(data, "page"),
                "L'API n'a pas de paramètre page : suivez le lien « suivant » de chaque réponse (paramètre curseur).",
                "The API has no page parameter: follow each answer's « suivant » link (curseur parameter).",
            )
        )
    for name in dict.fromkeys(query.malformed):
        details.append(detail(name, first(data, name), *MALFORMED[name]))
    for name, value in query.unknown:
        if name not in query.malformed:
            details.append(unknown_value_detail(name, value))
    if details:
        raise bad_parameters(details[:MAX_DETAILS])
    return query


def read_size(request):
    raw = first(request.GET, "taille")
    if raw is None or raw.strip() == "":
        return DEFAULT_SIZE
    raw = raw.strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= 3 and 1 <= int(raw) <= MAX_SIZE:
        return int(raw)
    raise bad_parameters(
        [
            detail(
                "taille",
                raw[:30],
                f"taille doit être un nombre entier de 1 à {MAX_SIZE}.",
                f"taille must be a whole number from 1 to {MAX_SIZE}.",
            )
        ]
    )


def read_cursor(request, query):
    raw = first(request.GET, "curseur")
    if raw is None or raw == "":
        return None
    try:
        cursor = Cursor.decode(raw)
    except InvalidCursor:
        raise ApiError(
            400,
            "curseur_invalide",
            "Curseur invalide : il a été modifié ou tronqué. Repartez de la première page, sans curseur.",
            "Invalid cursor: it was altered or truncated. Start again from the first page, without a cursor.",
            [detail("curseur", raw[:40], "Curseur illisible.", "Unreadable cursor.")],
        ) from None
    if cursor.search != search_digest(query):
        raise ApiError(
            400,
            "curseur_invalide",
            "Ce curseur appartient à une autre recherche : gardez les paramètres de la réponse qui l'a donné "
            "(son lien « suivant »), ou repartez sans curseur.",
            "This cursor belongs to another search: keep the parameters of the answer that gave it (its "
            "« suivant » link), or start again without a cursor.",
        )
    return cursor


def engine_slice(query, position, size):
    """(total, offers) for `size` results from `position` of the engine's ordered results, read from
    the engine's pages of PAGE_SIZE (two at most). A page the engine resolves elsewhere (past the
    last) gives nothing."""
    engine = get_engine()
    number, start = divmod(position, PAGE_SIZE)
    number += 1
    results = engine.search(query.on_page(min(number, MAX_PAGE)))
    if number > MAX_PAGE or results.page != number:
        return results.total, []
    hits = results.hits[start : start + size]
    if len(hits) < size and len(results.hits) == PAGE_SIZE and number < MAX_PAGE:
        following = engine.search(query.on_page(number + 1))
        if following.page == number + 1:
            hits += following.hits[: size - len(hits)]
    return results.total, [hit.offer.pk for hit in hits]


def open_offers(ids):
    """The offers `ids`, in that order, still open (JobOffer.objects.open()), with what the JSON shows."""
    found = (
        JobOffer.objects.open()
        .filter(pk__in=ids)
        .select_related(*OFFER_RELATIONS)
        .prefetch_related("contract_types", "skills")
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def api_url(name, pairs):
    query = urlencode(pairs)
    return absolute_url(reverse(name) + (f"?{query}" if query else ""))


@api_view
def offers(request):
    """/api/v1/offres/: the open offers of a search, `taille` at a time, with a cursor to the next."""
    query = read_query(request)
    size = read_size(request)
    cursor = read_cursor(request, query)
    if cursor is None:
        position, snapshot = 0, timezone.now()
    else:
        position, snapshot = cursor.position, cursor.snapshot
        query = replace(query, published_until=snapshot)
    total, ids = engine_slice(query, position, size)
    end = position + len(ids)
    following = None
    if ids and end < min(total, MAX_RESULT_WINDOW):
        following = Cursor(end, snapshot, search_digest(query)).encode()
    pairs = query.params(page=False) + ([("taille", str(size))] if size != DEFAULT_SIZE else [])
    body = {
        "total": total,
        "taille": size,
        "resultats": [offer_json(offer) for offer in open_offers(ids)],
        "curseur_suivant": following,
        "suivant": api_url("api:offers", [*pairs, ("curseur", following)]) if following else None,
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@api_view
def institutions(request):
    """/api/v1/institutions/: the employers with open offers or a public page, with their open offers
    (those of the search, with search parameters: the counts of the /offres/ « Employeur » filter)."""
    query = read_query(request)
    results = get_engine().search(query.on_page(1))
    facet = results.facet("institution")
    counts = {value.value: value.count for value in facet.values} if facet else {}
    searching = bool(query.text) or query.has_filters
    with_open_offers = Exists(JobOffer.objects.open().filter(institution_id=OuterRef("pk")))
    rows = Institution.objects.filter(with_open_offers | Q(employer_page__live=True)).select_related(
        "employer_page", "parent"
    )
    selected = query.selected("institution")
    if selected:
        rows = rows.filter(slug__in=selected)
    items = [
        institution_json(institution, counts.get(institution.slug, 0))
        for institution in rows.order_by("name")
        if not searching or counts.get(institution.slug) or institution.slug in selected
    ]
    body = {"total": len(items), "resultats": items}
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@api_view
def openapi_schema(request):
    """/api/v1/openapi.json."""
    return JsonResponse(openapi.schema(), json_dumps_params={"ensure_ascii": False})


@api_view
def dataset(request, name):
    """/api/v1/donnees/offres.csv and .jsonl: the last complete file written by the daily task."""
    current = datasets.current(name)
    if current is None:
        raise ApiError(
            404,
            "jeu_de_donnees_absent",
            "Ce fichier n'a pas encore été produit : il l'est chaque nuit (commande export_open_data).",
            "This file has not been produced yet: it is written every night (export_open_data command).",
        )
    response = with_conditional(request, current.etag, current.generated_at)
    if response is None:
        try:
            handle = current.open()
        except OSError:
            raise ApiError(
                503,
                "jeu_de_donnees_indisponible",
                "Le fichier est momentanément indisponible : réessayez plus tard.",
                "The file is temporarily unavailable: try again later.",
            ) from None
        response = FileResponse(handle, content_type=datasets.CONTENT_TYPES[name])
        response["Content-Disposition"] = f'inline; filename="{name}"'
    response["ETag"] = current.etag
    response["Last-Modified"] = http_date(current.generated_at.timestamp())
    response["Cache-Control"] = "public, max-age=3600"
    return response


@api_view
def table_schema(request):
    """/api/v1/donnees/offres.schema.json: the Table Schema of the datasets' columns."""
    return JsonResponse(datasets.table_schema(), json_dumps_params={"ensure_ascii": False})


def documentation(request):
    """/api/: the API's documentation page (French, in the site's shell, no script needed)."""
    return render(request, "api/documentation.html", openapi.documentation_context())
