from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import timezone

from jobs.models import JobOffer
from jobs.presenters import french_date
from tests.factories import InstitutionFactory, JobOfferFactory, profession

from .helpers import (
    days_from_today,
    expired_offer,
    filled_offer,
    json_ld_scripts,
    queries_for,
    scheduled_offer,
    soup,
    text,
)

pytestmark = pytest.mark.django_db

CLOSED = "Cette offre n'est plus ouverte aux candidatures"


def destination(client, link):
    """Where the apply link leads: through /offres/<slug>/candidater/, which counts and forwards."""
    response = client.get(link["href"])
    assert response.status_code == 302
    return response["Location"]


def apply_button(page):
    return page.select_one("#candidater .fr-btn")


def robots(page):
    meta = page.find("meta", attrs={"name": "robots"})
    return meta["content"] if meta else None


def facts(page):
    """{term: text} of the key-facts description list."""
    terms = page.select(".metnum-offer-facts dt")
    return {text(term): text(term.find_next_sibling("dd")) for term in terms}


def test_an_open_offer_page_shows_the_offer(client):
    institution = InstitutionFactory(name="Agence nationale de la sécurité des systèmes d'information")
    offer = JobOfferFactory(
        title="Analyste SOC",
        reference="ANSSI-2026-42",
        institution=institution,
        team="Sous-direction opérations",
        category="a",
        experience_level="senior",
        remote="aucun",
        city="Rennes",
        postal_code="35000",
        salary_min=45000,
        salary_max=55000,
        contract_codes=("titulaire_ou_contractuel", "contractuel"),
        skill_names=("Splunk", "Forensic"),
        start_date=days_from_today(60),
        published=True,
    )

    response = client.get("/offres/analyste-soc/")

    assert response.status_code == 200
    page = soup(response)
    assert [text(h1) for h1 in page.find_all("h1")] == ["Analyste SOC"]
    assert page.title.string == (
        "Analyste SOC — Agence nationale de la sécurité des systèmes d'information — Métiers du numérique"
    )
    assert "Agence nationale de la sécurité des systèmes d'information" in text(
        page.select_one(".metnum-offer-employer")
    )
    published = timezone.localdate(offer.first_published_at)
    assert facts(page) == {
        "Type de contrat": "Fonctionnaire ou contractuel, Contractuel uniquement",
        "Catégorie": "Catégorie A",
        "Expérience": "Senior (6 à 10 ans)",
        "Lieu": "Rennes (Ille-et-Vilaine) 35000 · Bretagne",
        "Télétravail": "Pas de télétravail",
        "Rémunération": "45 000 – 55 000 € brut par an",
        "Date limite de candidature": french_date(offer.deadline),
        "Prise de poste": french_date(offer.start_date),
        "Publiée le": french_date(published),
        "Service": "Sous-direction opérations",
        "Métier": "Développement",
        "Référence": "ANSSI-2026-42",
    }
    assert [text(tag) for tag in page.select("#competences ~ ul .fr-tag")] == ["Forensic", "Splunk"]
    assert robots(page) is None


def test_only_the_sections_with_text_are_shown_each_under_an_h2(client):
    JobOfferFactory(
        title="Designer",
        missions="<p>Concevoir des parcours.</p>",
        team_context="",
        profile="<p></p>",
        benefits="<p>Télétravail, 27 jours de congés.</p>",
        process="<p>Deux entretiens.</p>",
        published=True,
    )

    page = soup(client.get("/offres/designer/"))

    headings = [text(h2) for h2 in page.select("main h2")]
    assert headings[:4] == ["Missions", "Avantages", "Processus de recrutement", "L'offre en bref"]
    assert text(page.select_one("#avantages + div")) == "Télétravail, 27 jours de congés."


@pytest.mark.parametrize(
    "salary_min,salary_max,label",
    [
        (45000, 55000, "45 000 – 55 000 € brut par an"),
        (40000, 40000, "40 000 € brut par an"),
        (38000, None, "À partir de 38 000 € brut par an"),
        (None, 60000, "Jusqu'à 60 000 € brut par an"),
        (None, None, None),
    ],
)
def test_salary_is_shown_only_when_given(client, salary_min, salary_max, label):
    JobOfferFactory(title="Data scientist", salary_min=salary_min, salary_max=salary_max, published=True)

    assert facts(soup(client.get("/offres/data-scientist/"))).get("Rémunération") == label


def test_apply_link_opens_a_new_window_and_says_so(client):
    JobOfferFactory(title="SRE", apply_url="https://choisirleservicepublic.gouv.fr/offre/123", published=True)

    button = apply_button(soup(client.get("/offres/sre/")))

    assert button["href"] == "/offres/sre/candidater/"  # counts the click (impact app), then forwards
    assert destination(client, button) == "https://choisirleservicepublic.gouv.fr/offre/123"
    assert button["target"] == "_blank"
    assert "noopener" in button["rel"]
    assert text(button) == "Candidater — nouvelle fenêtre"
    assert text(button.select_one(".fr-sr-only")) == "— nouvelle fenêtre"


def test_apply_by_email_prefills_an_encoded_subject(client):
    JobOfferFactory(
        title="Développeur·se & intégrateur « front »",
        reference="DNUM/2026#7",
        apply_url="",
        apply_email="recrutement.dnum@example.gouv.fr",
        published=True,
    )
    offer = JobOffer.objects.get()

    button = apply_button(soup(client.get(offer.get_absolute_url())))

    href = destination(client, button)
    assert href.startswith("mailto:recrutement.dnum@example.gouv.fr?subject=")
    assert " " not in href and "#" not in href.split("?", 1)[1] and "&" not in href
    subject = parse_qs(urlsplit(href).query)["subject"][0]
    assert subject == "Candidature – Développeur·se & intégrateur « front » – DNUM/2026#7"
    assert text(button) == "Candidater par courriel"
    assert "target" not in button.attrs


def test_email_subject_without_reference(client):
    JobOfferFactory(title="Archiviste", reference="", apply_url="", apply_email="rh@example.gouv.fr", published=True)

    href = destination(client, apply_button(soup(client.get("/offres/archiviste/"))))

    assert unquote(href.split("subject=")[1]) == "Candidature – Archiviste"


def test_share_links(client):
    JobOfferFactory(title="Product owner", published=True)

    share = soup(client.get("/offres/product-owner/")).select_one("[data-share]")

    url = "http://testserver/offres/product-owner/"
    linkedin = share.select_one(".fr-share__link--linkedin")
    assert parse_qs(urlsplit(linkedin["href"]).query) == {"url": [url]}
    assert linkedin["href"].startswith("https://www.linkedin.com/sharing/share-offsite/")
    assert linkedin["target"] == "_blank" and "nouvelle fenêtre" in text(linkedin)
    email = urlsplit(share.select_one(".fr-share__link--mail")["href"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": ["Product owner"], "body": [f"Product owner\n{url}"]}
    # Without JavaScript the copy button stays hidden and the address is there to select.
    assert share.select_one("[data-copy-link]").find_parent("li").has_attr("hidden")
    field = share.select_one("input#adresse-offre")
    assert field["value"] == url and field.has_attr("readonly")
    assert text(share.select_one("label[for=adresse-offre]")) == "Adresse de cette offre"


def test_breadcrumb_leads_back_to_the_offers(client):
    JobOfferFactory(title="Architecte cloud", published=True)

    breadcrumb = soup(client.get("/offres/architecte-cloud/")).select_one(".fr-breadcrumb")

    links = [(text(link), link.get("href")) for link in breadcrumb.select("a")]
    assert links == [("Accueil", "/"), ("Offres", "/offres/"), ("Architecte cloud", "/offres/architecte-cloud/")]


def test_similar_offers_same_profession_first_then_same_institution(client):
    dinum = InstitutionFactory(name="DINUM")
    offer = JobOfferFactory(
        title="Développeuse", institution=dinum, profession=profession("developpement"), published=True
    )
    data = profession("donnees")
    JobOfferFactory(title="Même institution ancienne", institution=dinum, profession=data, published=True)
    JobOfferFactory(title="Même métier", profession=profession("developpement"), published=True)
    JobOfferFactory(title="Même institution récente", institution=dinum, profession=data, published=True)
    JobOfferFactory(title="Sans rapport", profession=data, published=True)
    expired_offer(title="Même métier mais fermée", profession=profession("developpement"))
    JobOfferFactory(title="Même métier en brouillon", profession=profession("developpement"))

    page = soup(client.get(offer.get_absolute_url()))

    similar = [text(title) for title in page.select("#offres-similaires ~ ul .fr-card__title")]
    assert similar == ["Même métier", "Même institution récente", "Même institution ancienne"]
    assert [h3.name for h3 in page.select("#offres-similaires ~ ul .fr-card__title")] == ["h3"] * 3


def test_unknown_slug_is_a_404(client):
    assert client.get("/offres/cette-offre-n-existe-pas/").status_code == 404


def test_drafts_scheduled_and_unpublished_offers_are_not_public(client):
    draft = JobOfferFactory(title="Brouillon")
    scheduled = scheduled_offer(title="Programmée")
    withdrawn = JobOfferFactory(title="Retirée", published=True)
    withdrawn.unpublish()
    # A published offer with a new draft shows its published version, not the draft.
    changed = JobOfferFactory(title="Publiée", published=True)
    changed.title = "Titre en cours de rédaction"
    changed.save_revision()

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    assert text(soup(client.get(changed.get_absolute_url())).h1) == "Publiée"


def test_deadline_today_is_still_open(client):
    offer = JobOfferFactory(title="Dernier jour", deadline=timezone.localdate(), published=True)

    page = soup(client.get(offer.get_absolute_url()))

    assert apply_button(page) is not None
    assert CLOSED not in text(page)
    assert robots(page) is None
    assert len(json_ld_scripts(client.get(offer.get_absolute_url()))) == 1


@pytest.mark.parametrize(
    "make_closed_offer,notice",
    [
        (lambda: expired_offer(title="Close"), CLOSED),
        (lambda: filled_offer(title="Close"), "Ce poste a été pourvu"),
        (lambda: filled_offer(title="Close", unpublish=True), "Ce poste a été pourvu"),
    ],
    ids=["expired-yesterday", "filled", "filled-then-unpublished"],
)
def test_a_closed_offer_keeps_its_page_without_apply_or_json_ld(client, make_closed_offer, notice):
    similar = JobOfferFactory(title="Toujours ouverte", published=True)
    offer = make_closed_offer()
    JobOffer.objects.filter(pk=similar.pk).update(institution=offer.institution)

    response = client.get(offer.get_absolute_url())

    assert response.status_code == 200
    page = soup(response)
    assert notice in text(page.select_one(".fr-notice"))
    assert CLOSED in text(page.select_one(".fr-notice"))
    assert robots(page) == "noindex"
    assert apply_button(page) is None
    assert "Candidater" not in text(page.main)
    assert json_ld_scripts(response) == []
    assert [text(title) for title in page.select("#offres-similaires ~ ul .fr-card__title")] == ["Toujours ouverte"]


def test_an_offer_expired_by_its_scheduled_expiry_keeps_its_closed_page(client):
    offer = JobOfferFactory(title="Expirée par Wagtail", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(live=False, expired=True, expire_at=timezone.now())

    page = soup(client.get(offer.get_absolute_url()))

    assert CLOSED in text(page.select_one(".fr-notice"))
    assert apply_button(page) is None


def test_same_number_of_queries_whatever_the_offer(client):
    JobOfferFactory(title="Similaire", published=True)
    few = JobOfferFactory(title="Peu", published=True)
    few_queries = queries_for(client, few.get_absolute_url())
    many = JobOfferFactory(
        title="Beaucoup",
        contract_codes=("titulaire_ou_contractuel", "contractuel", "stage", "freelance", "apprentissage"),
        skill_names=("Python", "Django", "PostgreSQL", "Kubernetes", "Accessibilité", "Wagtail"),
        published=True,
    )
    for index in range(4):
        JobOfferFactory(title=f"Similaire {index}", contract_codes=("contractuel", "stage"), published=True)

    assert queries_for(client, many.get_absolute_url()) == few_queries
    assert few_queries <= 12


def test_an_offer_without_reference_shows_none_and_paris_is_not_repeated(client):
    JobOfferFactory(title="Archiviste", reference="", city="Paris", postal_code="75013", published=True)
    JobOfferFactory(title="Géomaticienne", reference="", city="Lyon", postal_code="69003", published=True)

    paris = facts(soup(client.get("/offres/archiviste/")))
    lyon = facts(soup(client.get("/offres/geomaticienne/")))

    assert "Référence" not in paris  # not the database id, which means nothing to a candidate
    assert paris["Lieu"].startswith("Paris ") and "Paris (Paris)" not in paris["Lieu"]
    assert lyon["Lieu"].startswith("Lyon (Rhône)")


def test_favicon_ico_leads_to_the_dsfr_icon(client, db):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("/favicon.ico")
    assert finders.find(response["Location"].split("/static/", 1)[1]) is not None


def test_a_long_offer_offers_to_apply_again_after_its_description(client):
    JobOfferFactory(title="Urbaniste SI", apply_url="https://candidature.example.gouv.fr/42", published=True)

    page = soup(client.get("/offres/urbaniste-si/"))

    buttons = [link for link in page.select("a.fr-btn") if text(link).startswith("Candidater")]
    assert [destination(client, button) for button in buttons] == ["https://candidature.example.gouv.fr/42"] * 2
    last_section = page.select("main section h2")[0].find_parent("section")
    assert buttons[1] in last_section.find_all_next("a")  # the second one comes after the description
