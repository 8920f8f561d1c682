"""The JSON of an open offer and of an institution in the API and the datasets: field names in
French, each matching a property of the offer's schema.org JobPosting (jobs/structured_data.py) where
there is one. The correspondence is documented in docs/api.md; the OpenAPI schema (api/openapi.py)
describes the same shapes.

No personal data: neither the editors nor the offer's application address (it often names a person,
and an open dataset is copied and kept long after the offer closes); candidates reach it through the
offer's page (`url`). See docs/api.md, « Données personnelles ».
"""

from django.urls import reverse
from django.utils import timezone

from jobs.choices import Category, ExperienceLevel, InstitutionKind, RemoteWork
from jobs.presenters import SECTIONS
from jobs.structured_data import employment_types
from metnum_site.addresses import absolute_url
from metnum_site.rich_text import rich_text_html

# The description sections: field of the offer → key in the API's "description" object.
DESCRIPTION_KEYS = {
    "missions": "missions",
    "team_context": "equipe_et_contexte",
    "profile": "profil",
    "benefits": "avantages",
    "process": "processus_de_recrutement",
}
assert set(DESCRIPTION_KEYS) == {name for name, _ in SECTIONS}


def iso_datetime(value):
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else None


def iso_date(value):
    return value.isoformat() if value else None


def coded(code, choices):
    """{"code", "libelle"} of a code of jobs/choices.py, or None when it is empty."""
    return {"code": code, "libelle": choices(code).label} if code else None


def offer_url(offer):
    return absolute_url(offer.get_absolute_url())


def employer_page_url(institution):
    """The absolute URL of the institution's live employer page, or None. Reads the page loaded by
    select_related("institution__employer_page") / ("employer_page"): no query."""
    page = getattr(institution, "employer_page", None)  # jobs never imports editorial: the relation's name
    if page is None or not page.live or not page.url:
        return None
    return absolute_url(page.url)


def institution_reference(institution):
    return {
        "identifiant": institution.slug,
        "nom": institution.name,
        "sigle": institution.acronym,
        "site_web": institution.website or None,
        "page": employer_page_url(institution),
    }


def offer_json(offer):
    """An open offer, read with api.views.OFFER_RELATIONS (a fixed number of queries per page)."""
    departement, region = offer.departement, offer.region
    contracts = [contract.code for contract in offer.contract_types.all()]
    contract_labels = {contract.code: contract.label for contract in offer.contract_types.all()}
    salary = None
    if offer.salary_min or offer.salary_max:
        salary = {"minimum": offer.salary_min, "maximum": offer.salary_max, "devise": "EUR", "periode": "annee"}
    return {
        "identifiant": offer.pk,
        "intitule": offer.title,
        "url": offer_url(offer),
        "reference": offer.reference,
        "date_publication": iso_datetime(offer.first_published_at),
        "date_limite": iso_date(offer.deadline),
        "date_prise_de_poste": iso_date(offer.start_date),
        "employeur": institution_reference(offer.institution),
        "service": offer.team,
        "metier": {"identifiant": offer.profession.slug, "nom": offer.profession.name} if offer.profession else None,
        "types_contrat": [{"code": code, "libelle": contract_labels[code]} for code in contracts],
        "types_emploi": employment_types(contracts),
        "categorie": coded(offer.category, Category),
        "experience": coded(offer.experience_level, ExperienceLevel),
        "teletravail": coded(offer.remote, RemoteWork),
        "lieu": {
            "commune": offer.city,
            "code_postal": offer.postal_code,
            "departement": {"code": departement.code, "nom": departement.name} if departement else None,
            "region": {"code": region.code, "nom": region.name} if region else None,
            "pays": "FR",
            "latitude": offer.latitude,
            "longitude": offer.longitude,
        },
        "salaire": salary,
        "competences": sorted((skill.name for skill in offer.skills.all()), key=str.casefold),
        "description": {key: str(rich_text_html(getattr(offer, name) or "")) for name, key in DESCRIPTION_KEYS.items()},
        "candidature": {"url": apply_url(offer), "page": offer_url(offer)},
    }


def apply_url(offer):
    """Where one applies: the application form of this site when the institution receives its
    applications here (candidates app), else the employer's own page, or None."""
    if offer.institution.receives_applications_on_metnum:
        return absolute_url(reverse("candidates:apply", args=[offer.pk]))
    return offer.apply_url or None


def institution_json(institution, open_offers):
    return {
        **institution_reference(institution),
        "type": coded(institution.kind, InstitutionKind),
        "description": institution.description,
        "rattachement": institution.parent.slug if institution.parent else None,
        "nombre_offres_ouvertes": open_offers,
        "offres": absolute_url(f"{reverse('api:offers')}?institution={institution.slug}"),
    }
