"""The OpenAPI 3 schema of the API (/api/v1/openapi.json) and the content of its documentation page
(/api/), written by hand from the same constants the views use: the search parameters and their
codes (search/query.py, jobs/choices.py, jobs/geography.py), the dataset columns (api/datasets.py).
tests/api/test_schema.py runs schemathesis against it: every answer must match.

Why by hand rather than django-ninja (docs/api.md): the views hand request.GET untouched to
OfferQuery.from_querydict, the one parser of /offres/; declaring the parameters again as typed
function arguments, as ninja does, would be a second parser, answering 422 in English.
"""

from django.conf import settings
from django.urls import reverse

from jobs import geography
from search.query import CODE_LABELS, MAX_SALARY, MAX_TEXT_LENGTH, RADII_KM, RECENCY_DAYS, SORTS

from . import datasets
from .cursor import MAX_SIZE

VERSION = "1.0.0"

NULLABLE_STRING = {"type": "string", "nullable": True}
CODE = {
    "type": "object",
    "required": ["code", "libelle"],
    "properties": {"code": {"type": "string"}, "libelle": {"type": "string"}},
}


def nullable(schema):
    return {**schema, "nullable": True}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


# (name, type shown in the documentation, description, JobPosting property): the offer's fields.
OFFER_FIELDS = [
    ("identifiant", "entier", "Identifiant de l'offre, stable.", "identifier (à défaut de référence)"),
    ("intitule", "texte", "Intitulé du poste.", "title"),
    ("url", "adresse", "Page de l'offre sur le site.", "url"),
    ("reference", "texte", "Référence interne de l'employeur (vide s'il n'en a pas).", "identifier.value"),
    ("date_publication", "date et heure", "Première publication (ISO 8601, heure de Paris).", "datePosted"),
    ("date_limite", "date", "Dernier jour pour candidater, inclus.", "validThrough (fin de ce jour)"),
    ("date_prise_de_poste", "date ou null", "Prise de poste souhaitée.", ""),
    ("employeur", "objet", "identifiant, nom, sigle, site_web, page (page employeur du site).", "hiringOrganization"),
    ("service", "texte", "Service ou équipe qui recrute.", ""),
    ("metier", "objet ou null", "identifiant et nom du métier.", ""),
    ("types_contrat", "liste", "Types de contrat possibles : code et libellé.", ""),
    ("types_emploi", "liste", "Les mêmes, en types d'emploi schema.org.", "employmentType"),
    ("categorie", "objet ou null", "Catégorie de la fonction publique : code et libellé.", ""),
    ("experience", "objet", "Expérience attendue : code et libellé.", ""),
    ("teletravail", "objet", "Télétravail : code et libellé.", "jobLocationType (total : TELECOMMUTE)"),
    (
        "lieu",
        "objet",
        "commune, code_postal, departement et region (code INSEE et nom), pays, latitude, longitude.",
        "jobLocation.address",
    ),
    ("salaire", "objet ou null", "minimum, maximum (euros bruts), devise (EUR), periode (annee).", "baseSalary"),
    ("competences", "liste", "Compétences demandées.", ""),
    (
        "description",
        "objet",
        "missions, equipe_et_contexte, profil, avantages, processus_de_recrutement : HTML nettoyé (vide si absent).",
        "description",
    ),
    (
        "candidature",
        "objet",
        "url : formulaire de candidature (sur ce site, ou celui de l'employeur) ou null ; page : la page de l'offre.",
        "directApply",
    ),
]

INSTITUTION_FIELDS = [
    ("identifiant", "texte", "Identifiant de l'employeur, valeur du paramètre institution."),
    ("nom", "texte", "Nom."),
    ("sigle", "texte", "Sigle (vide s'il n'en a pas)."),
    ("site_web", "adresse ou null", "Site de l'employeur."),
    ("page", "adresse ou null", "Page employeur sur le site, si elle est publiée."),
    ("type", "objet", "Type d'institution : code et libellé."),
    ("description", "texte", "Description en une ligne."),
    ("rattachement", "texte ou null", "Identifiant de l'institution de rattachement."),
    ("nombre_offres_ouvertes", "entier", "Offres ouvertes (de la recherche, avec des paramètres de recherche)."),
    ("offres", "adresse", "Ses offres dans l'API."),
]


def search_parameters():
    """(name, schema, description) of the search parameters, those of /offres/ (search/query.py)."""
    regions = sorted(geography.regions())
    departements = sorted(geography.departements())
    repeated = "Répétable : les valeurs d'un même paramètre s'ajoutent (OU), les paramètres se combinent (ET)."

    def codes(name):
        return sorted(CODE_LABELS[name])

    def many(values=None):
        item = {"type": "string", **({"enum": values} if values else {})}
        return {"type": "array", "items": item}

    return [
        (
            "q",
            {"type": "string"},
            f"Texte cherché, comme sur /offres/ ; au-delà de {MAX_TEXT_LENGTH} caractères, raccourci.",
        ),
        ("institution", many(), f"Identifiant d'employeur (voir /api/v1/institutions/). {repeated}"),
        ("metier", many(), f"Identifiant de métier. {repeated}"),
        ("contrat", many(codes("contrat")), f"Type de contrat. {repeated}"),
        ("categorie", many(codes("categorie")), f"Catégorie de la fonction publique. {repeated}"),
        ("experience", many(codes("experience")), f"Expérience attendue. {repeated}"),
        ("region", many(regions), f"Code INSEE de région. {repeated}"),
        ("departement", many(departements), f"Code INSEE de département. {repeated}"),
        ("teletravail", many(codes("teletravail")), f"Télétravail. {repeated}"),
        (
            "salaire_min",
            {"type": "integer", "minimum": 1, "maximum": MAX_SALARY},
            "Euros bruts par an : les offres dont le salaire maximum (ou minimum, à défaut) l'atteint.",
        ),
        ("publiee", {"type": "integer", "enum": list(RECENCY_DAYS)}, "Publiées depuis 7 ou 30 jours."),
        ("autour", {"type": "string"}, "Commune : les offres à moins de `rayon` km, par exemple « Lyon »."),
        ("rayon", {"type": "integer", "enum": list(RADII_KM)}, "Rayon autour de la commune, en km (30 par défaut)."),
        (
            "tri",
            {"type": "string", "enum": list(SORTS)},
            "pertinence (par défaut avec un texte), date (sinon), echeance, salaire.",
        ),
    ]


def parameter(name, schema, description):
    item = {"name": name, "in": "query", "required": False, "schema": schema, "description": description}
    if schema.get("type") == "array":
        item.update(style="form", explode=True)
    return item


def error_response(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Erreur")}}}


COMMON_ERRORS = {
    "400": error_response("Paramètre invalide (message en français et en anglais)."),
    "429": {
        **error_response("Trop de requêtes : attendre `Retry-After` secondes."),
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Secondes à attendre."}},
    },
}
NOT_MODIFIED = {"description": "Inchangé depuis la version désignée par If-None-Match (sans corps)."}
ETAG_HEADER = {"ETag": {"schema": {"type": "string"}, "description": "Empreinte de la réponse, pour If-None-Match."}}


def schemas():
    salary = {
        "type": "object",
        "required": ["minimum", "maximum", "devise", "periode"],
        "properties": {
            "minimum": {"type": "integer", "nullable": True},
            "maximum": {"type": "integer", "nullable": True},
            "devise": {"type": "string", "enum": ["EUR"]},
            "periode": {"type": "string", "enum": ["annee"]},
        },
    }
    named_code = {
        "type": "object",
        "required": ["code", "nom"],
        "properties": {"code": {"type": "string"}, "nom": {"type": "string"}},
    }
    employer = {
        "type": "object",
        "required": ["identifiant", "nom", "sigle", "site_web", "page"],
        "properties": {
            "identifiant": {"type": "string"},
            "nom": {"type": "string"},
            "sigle": {"type": "string"},
            "site_web": NULLABLE_STRING,
            "page": NULLABLE_STRING,
        },
    }
    offer_properties = {
        "identifiant": {"type": "integer"},
        "intitule": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "reference": {"type": "string"},
        "date_publication": {"type": "string", "format": "date-time", "nullable": True},
        "date_limite": {"type": "string", "format": "date"},
        "date_prise_de_poste": {"type": "string", "format": "date", "nullable": True},
        "employeur": ref("EmployeurResume"),
        "service": {"type": "string"},
        "metier": nullable(
            {
                "type": "object",
                "required": ["identifiant", "nom"],
                "properties": {"identifiant": {"type": "string"}, "nom": {"type": "string"}},
            }
        ),
        "types_contrat": {"type": "array", "items": ref("Code")},
        "types_emploi": {"type": "array", "items": {"type": "string"}},
        "categorie": nullable(ref("Code")),
        "experience": ref("Code"),
        "teletravail": ref("Code"),
        "lieu": {
            "type": "object",
            "required": ["commune", "code_postal", "departement", "region", "pays", "latitude", "longitude"],
            "properties": {
                "commune": {"type": "string"},
                "code_postal": {"type": "string"},
                "departement": nullable(named_code),
                "region": nullable(named_code),
                "pays": {"type": "string", "enum": ["FR"]},
                "latitude": {"type": "number", "nullable": True},
                "longitude": {"type": "number", "nullable": True},
            },
        },
        "salaire": nullable(salary),
        "competences": {"type": "array", "items": {"type": "string"}},
        "description": {
            "type": "object",
            "required": ["missions", "equipe_et_contexte", "profil", "avantages", "processus_de_recrutement"],
            "properties": {
                key: {"type": "string"}
                for key in ("missions", "equipe_et_contexte", "profil", "avantages", "processus_de_recrutement")
            },
        },
        "candidature": {
            "type": "object",
            "required": ["url", "page"],
            "properties": {"url": NULLABLE_STRING, "page": {"type": "string", "format": "uri"}},
        },
    }
    for name, _, description, posting in OFFER_FIELDS:
        if "$ref" not in offer_properties[name]:
            offer_properties[name]["description"] = description + (f" JobPosting : {posting}." if posting else "")
    institution = {
        "type": "object",
        "required": [name for name, _, _ in INSTITUTION_FIELDS],
        "properties": {
            **employer["properties"],
            "type": ref("Code"),
            "description": {"type": "string"},
            "rattachement": NULLABLE_STRING,
            "nombre_offres_ouvertes": {"type": "integer", "minimum": 0},
            "offres": {"type": "string", "format": "uri"},
        },
    }
    detail = {
        "type": "object",
        "required": ["parametre", "valeur", "message", "message_en"],
        "properties": {
            "parametre": {"type": "string"},
            "valeur": NULLABLE_STRING,
            "message": {"type": "string"},
            "message_en": {"type": "string"},
        },
    }
    return {
        "Code": CODE,
        "EmployeurResume": employer,
        "Offre": {
            "type": "object",
            "required": list(offer_properties),
            "properties": offer_properties,
            "additionalProperties": False,
        },
        "ListeOffres": {
            "type": "object",
            "required": ["total", "taille", "resultats", "curseur_suivant", "suivant"],
            "properties": {
                "total": {"type": "integer", "minimum": 0, "description": "Offres de la recherche (comme /offres/)."},
                "taille": {"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
                "resultats": {"type": "array", "items": ref("Offre"), "maxItems": MAX_SIZE},
                "curseur_suivant": {**NULLABLE_STRING, "description": "Curseur de la page suivante, null à la fin."},
                "suivant": {**NULLABLE_STRING, "description": "Adresse de la page suivante, null à la fin."},
            },
        },
        "Institution": {**institution, "additionalProperties": False},
        "ListeInstitutions": {
            "type": "object",
            "required": ["total", "resultats"],
            "properties": {
                "total": {"type": "integer", "minimum": 0},
                "resultats": {"type": "array", "items": ref("Institution")},
            },
        },
        "Erreur": {
            "type": "object",
            "required": ["erreur"],
            "properties": {
                "erreur": {
                    "type": "object",
                    "required": ["code", "message", "message_en", "details"],
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "message_en": {"type": "string"},
                        "details": {"type": "array", "items": detail},
                    },
                }
            },
        },
    }


def schema():
    search = [parameter(*item) for item in search_parameters()]
    paging = [
        parameter(
            "taille",
            {"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
            f"Offres par réponse, de 1 à {MAX_SIZE} ({MAX_SIZE} par défaut).",
        ),
        parameter("curseur", {"type": "string"}, "Le curseur_suivant de la réponse précédente, tel quel."),
    ]

    def ok(schema_name, description):
        return {
            "description": description,
            "headers": ETAG_HEADER,
            "content": {"application/json": {"schema": ref(schema_name)}},
        }

    dataset_get = {
        "responses": {
            "200": {"description": "Le fichier.", "content": {}},
            "304": {"description": "Inchangé (If-None-Match ou If-Modified-Since)."},
            "404": error_response("Pas encore produit."),
            "429": COMMON_ERRORS["429"],
            "503": error_response("Momentanément indisponible."),
        },
        "tags": ["Jeux de données"],
    }
    csv_get = {**dataset_get, "operationId": "offres_csv", "summary": "Les offres ouvertes en CSV"}
    csv_get["responses"] = {
        **dataset_get["responses"],
        "200": {"description": "Le fichier CSV.", "content": {"text/csv": {"schema": {"type": "string"}}}},
    }
    jsonl_get = {**dataset_get, "operationId": "offres_jsonl", "summary": "Les offres ouvertes en JSON Lines"}
    jsonl_get["responses"] = {
        **dataset_get["responses"],
        "200": {
            "description": "Le fichier JSON Lines.",
            "content": {"application/jsonl": {"schema": {"type": "string"}}},
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API des offres d'emploi du numérique de l'État",
            "version": VERSION,
            "description": "Les offres ouvertes de Métiers du numérique et leurs employeurs, en lecture seule, "
            "sans compte. Documentation : /api/.",
            "license": {
                "name": "Licence Ouverte 2.0 (Etalab)",
                "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            },
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            reverse("api:offers"): {
                "get": {
                    "operationId": "offres",
                    "summary": "Les offres ouvertes d'une recherche",
                    "tags": ["Offres"],
                    "parameters": search + paging,
                    "responses": {
                        "200": ok("ListeOffres", "Une page d'offres."),
                        "304": NOT_MODIFIED,
                        **COMMON_ERRORS,
                    },
                }
            },
            reverse("api:institutions"): {
                "get": {
                    "operationId": "institutions",
                    "summary": "Les employeurs et leurs offres ouvertes",
                    "tags": ["Employeurs"],
                    "parameters": search,
                    "responses": {
                        "200": ok("ListeInstitutions", "Les employeurs."),
                        "304": NOT_MODIFIED,
                        **COMMON_ERRORS,
                    },
                }
            },
            reverse("api:offers_csv"): {"get": csv_get},
            reverse("api:offers_jsonl"): {"get": jsonl_get},
            reverse("api:table_schema"): {
                "get": {
                    "operationId": "offres_schema",
                    "summary": "Le schéma (Table Schema) des colonnes des jeux de données",
                    "tags": ["Jeux de données"],
                    "responses": {
                        "200": ok("TableSchema", "Le schéma."),
                        "304": NOT_MODIFIED,
                        "429": COMMON_ERRORS["429"],
                    },
                }
            },
        },
        "components": {"schemas": {**schemas(), "TableSchema": {"type": "object", "required": ["fields"]}}},
    }


def documentation_context():
    """What templates/api/documentation.html shows (plain data)."""
    return {
        "offer_fields": [
            {"name": name, "type": kind, "description": description, "posting": posting}
            for name, kind, description, posting in OFFER_FIELDS
        ],
        "institution_fields": [
            {"name": name, "type": kind, "description": description} for name, kind, description in INSTITUTION_FIELDS
        ],
        "parameters": [
            {"name": name, "description": description, "values": schema_values(schema)}
            for name, schema, description in search_parameters()
        ],
        "max_size": MAX_SIZE,
        "columns": [
            {"name": column.name, "type": column.type, "description": column.description} for column in datasets.COLUMNS
        ],
        "rate_limit": settings.API_RATE_LIMIT,
        "rate_period": settings.API_RATE_LIMIT_PERIOD,
        "urls": {
            "offers": reverse("api:offers"),
            "institutions": reverse("api:institutions"),
            "openapi": reverse("api:openapi"),
            "csv": reverse("api:offers_csv"),
            "jsonl": reverse("api:offers_jsonl"),
            "table_schema": reverse("api:table_schema"),
        },
        "breadcrumb_data": {"links": [], "current": "API et données ouvertes"},
    }


def schema_values(schema):
    """The allowed values shown in the documentation: a short enum in full, a long one counted."""
    values = schema.get("enum") or schema.get("items", {}).get("enum")
    if not values:
        return ""
    if len(values) > 8:
        return f"{len(values)} codes INSEE"
    return ", ".join(str(value) for value in values)
