import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from jobs.structured_data import employment_types
from tests.factories import InstitutionFactory, JobOfferFactory

from .helpers import days_from_today, expired_offer, filled_offer, json_ld, json_ld_scripts, soup, text

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def logo():
    # Wagtail caches renditions by image id, and ids come back after a rolled-back test.
    for backend in caches.all():
        backend.clear()
    return Image.objects.create(title="Logo DINUM", file=get_test_image_file(size=(640, 320)))


def visible_text(response):
    """The text of the page outside scripts, as a visitor reads it."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    for script in page.find_all("script"):
        script.decompose()
    return text(page)


def test_job_posting_has_every_property_with_the_offer_values(client, logo):
    institution = InstitutionFactory(
        name="Direction interministérielle du numérique", website="https://www.numerique.gouv.fr", logo=logo
    )
    offer = JobOfferFactory(
        title="Développeuse ou développeur back-end",
        reference="DINUM-2026-12",
        institution=institution,
        contract_codes=("titulaire_ou_contractuel", "contractuel", "stage"),
        city="Lyon",
        postal_code="69003",
        remote="partiel",
        salary_min=45000,
        salary_max=55000,
        missions="<p>Construire des <b>API</b>.</p>",
        profile="<p>Python.</p>",
        deadline=datetime.date(2030, 7, 14),
        published=True,
    )

    response = client.get(offer.get_absolute_url())
    posting = json_ld(response)

    first_published = timezone.localtime(offer.first_published_at, PARIS).replace(microsecond=0)
    logo_url = posting["hiringOrganization"].pop("logo")
    assert posting == {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Développeuse ou développeur back-end",
        "description": "<h2>Missions</h2><p>Construire des <b>API</b>.</p><h2>Profil recherché</h2><p>Python.</p>",
        "url": "http://testserver/offres/developpeuse-ou-developpeur-back-end/",
        "datePosted": first_published.isoformat(),
        "validThrough": "2030-07-14T23:59:59+02:00",
        "employmentType": ["FULL_TIME", "CONTRACTOR", "INTERN"],
        "hiringOrganization": {
            "@type": "Organization",
            "name": "Direction interministérielle du numérique",
            "sameAs": "https://www.numerique.gouv.fr",
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Lyon",
                "postalCode": "69003",
                "addressRegion": "Auvergne-Rhône-Alpes",
                "addressCountry": "FR",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 45000, "maxValue": 55000, "unitText": "YEAR"},
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": "Direction interministérielle du numérique",
            "value": "DINUM-2026-12",
        },
        "directApply": False,
    }
    # The logo is an absolute URL of an image the page shows.
    assert logo_url.startswith("http://testserver/media/images/")
    assert soup(response).select_one(".metnum-offer-employer img")["src"] == logo_url.removeprefix("http://testserver")
    assert "jobLocationType" not in posting and "applicantLocationRequirements" not in posting


def test_every_value_is_also_visible_on_the_page(client):
    offer = JobOfferFactory(
        title="Ingénieure ou ingénieur data",
        reference="REF-77",
        city="Marseille",
        postal_code="13002",
        salary_min=42000,
        salary_max=52000,
        published=True,
    )

    response = client.get(offer.get_absolute_url())
    posting, page = json_ld(response), visible_text(response)

    address = posting["jobLocation"]["address"]
    for value in [
        posting["title"],
        posting["hiringOrganization"]["name"],
        address["addressLocality"],
        address["postalCode"],
        address["addressRegion"],
        posting["identifier"]["value"],
        "42 000 – 52 000 € brut par an",
        "Développer des services publics numériques utiles.",
        "Fonctionnaire ou contractuel",
    ]:
        assert value in page
    assert f"Date limite de candidature {offer.deadline.day} " in page
    assert soup(response).find("a", href=posting["hiringOrganization"]["sameAs"])


def test_fully_remote_offers_say_telecommute_in_france(client):
    offer = JobOfferFactory(title="Télétravail", remote="total", published=True)

    posting = json_ld(client.get(offer.get_absolute_url()))

    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == {"@type": "Country", "name": "France"}


@pytest.mark.parametrize(
    "salary_min,salary_max,value",
    [
        (40000, 40000, {"value": 40000}),
        (38000, None, {"minValue": 38000}),
        (None, 60000, {"maxValue": 60000}),
    ],
)
def test_base_salary_follows_what_is_given(client, salary_min, salary_max, value):
    offer = JobOfferFactory(title="Salaire", salary_min=salary_min, salary_max=salary_max, published=True)

    posting = json_ld(client.get(offer.get_absolute_url()))

    assert posting["baseSalary"]["value"] == {"@type": "QuantitativeValue", **value, "unitText": "YEAR"}


def test_no_salary_no_website_no_logo_no_reference(client):
    institution = InstitutionFactory(website="", logo=None)
    offer = JobOfferFactory(title="Sobre", reference="", institution=institution, published=True)

    posting = json_ld(client.get(offer.get_absolute_url()))

    assert "baseSalary" not in posting
    assert posting["hiringOrganization"] == {"@type": "Organization", "name": institution.name}
    # Without a reference, the identifier is the offer's number; the page shows no reference (the
    # number means nothing to a candidate).
    assert posting["identifier"]["value"] == str(offer.pk)
    assert facts_reference(client, offer) is None


def facts_reference(client, offer):
    page = soup(client.get(offer.get_absolute_url()))
    term = next((dt for dt in page.select(".metnum-offer-facts dt") if text(dt) == "Référence"), None)
    return text(term.find_next_sibling("dd")) if term else None


def test_valid_through_is_the_end_of_the_deadline_day_in_paris_winter_time(client):
    offer = JobOfferFactory(title="Hiver", deadline=datetime.date(2030, 1, 31), published=True)

    assert json_ld(client.get(offer.get_absolute_url()))["validThrough"] == "2030-01-31T23:59:59+01:00"


def test_employment_type_mapping():
    assert employment_types(["titulaire_ou_contractuel"]) == ["FULL_TIME"]
    assert employment_types(["contractuel"]) == ["FULL_TIME", "CONTRACTOR"]
    assert employment_types(["apprentissage", "stage"]) == ["INTERN"]
    assert employment_types(["freelance"]) == ["CONTRACTOR"]
    assert employment_types(["volontariat"]) == ["VOLUNTEER"]
    assert employment_types(["stage", "titulaire_ou_contractuel", "freelance"]) == ["INTERN", "FULL_TIME", "CONTRACTOR"]


@pytest.mark.parametrize("make_closed_offer", [expired_offer, filled_offer], ids=["expired", "filled"])
def test_closed_offers_have_no_json_ld(client, make_closed_offer):
    offer = make_closed_offer(title="Fermée")

    assert json_ld_scripts(client.get(offer.get_absolute_url())) == []


def test_a_title_cannot_close_the_script_element(client):
    title = "</script><script>alert(1)</script> & <!-- « Développeur » -->"
    offer = JobOfferFactory(title=title, missions="<p>Missions</p>", published=True)

    response = client.get(offer.get_absolute_url())

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    page = soup(response)
    assert len(page.find_all("script", type="application/ld+json")) == 1
    # The inline scripts are the template's font switch (templates/includes/font_loading.html) and
    # the JSON-LD: the title made none of its own.
    inline = [script for script in page.find_all("script") if not script.get("src")]
    assert [script.get("type") for script in inline if "metnum-fonts" not in script.get_text()] == [
        "application/ld+json"
    ]
    assert json_ld(response)["title"] == title
    assert text(page.h1) == " ".join(title.split())


def test_deadline_tomorrow_is_still_posted(client):
    offer = JobOfferFactory(title="Demain", deadline=days_from_today(1), published=True)

    assert json_ld(client.get(offer.get_absolute_url()))["title"] == "Demain"


def test_a_logo_whose_file_is_missing_is_left_out(client, logo):
    institution = InstitutionFactory(name="Institution au logo perdu", logo=logo)
    offer = JobOfferFactory(title="Logo perdu", institution=institution, published=True)
    logo.file.storage.delete(logo.file.name)

    response = client.get(offer.get_absolute_url())

    assert response.status_code == 200
    assert "logo" not in json_ld(response)["hiringOrganization"]
    assert soup(response).select_one(".metnum-offer-employer img") is None
