"""Helpers shared by the offer admin tests: admin URLs, offers in each status, HTML parsing."""

import datetime
import re

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from jobs.choices import OfferStatus
from jobs.models import ContractType, JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory, profession


def offer_url(name, *args):
    return reverse(f"wagtailsnippets_jobs_joboffer:{name}", args=args)


def offer_in_status(status, **kwargs):
    """An offer that the listing must show with `status`."""
    today = timezone.localdate()
    if status == OfferStatus.DRAFT:
        return JobOfferFactory(**kwargs)
    if status == OfferStatus.LIVE:
        return JobOfferFactory(published=True, **kwargs)
    if status == OfferStatus.FILLED:
        return JobOfferFactory(published=True, filled_at=today, **kwargs)
    if status == OfferStatus.EXPIRED:
        offer = JobOfferFactory(published=True, **kwargs)
        JobOffer.objects.filter(pk=offer.pk).update(deadline=today - datetime.timedelta(days=3))
        return offer
    if status == OfferStatus.SCHEDULED:
        offer = JobOfferFactory(**kwargs)
        offer.go_live_at = timezone.now() + datetime.timedelta(days=2)
        offer.save_revision(approved_go_live_at=offer.go_live_at)
        return offer
    raise ValueError(status)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    """The visible text of an HTML element, with runs of layout whitespace collapsed (but not the
    no-break spaces of French typography)."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text()).strip()


def page_text(response):
    return text_of(soup(response))


def listing_rows(response):
    """The listing as a list of {column heading: cell text}, plus the title link under "_link"."""
    table = soup(response).select_one("table.listing")
    if table is None:
        return []
    headings = [text_of(th) for th in table.select("thead th")]
    rows = []
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td", recursive=False)
        row = {}
        for heading, cell in zip(headings, cells, strict=True):
            if "title" in (cell.get("class") or []):
                row[heading] = text_of(cell.select_one(".title-wrapper"))
                row["_link"] = cell.select_one(".title-wrapper a")["href"]
            else:
                row[heading] = text_of(cell)
        rows.append(row)
    return rows


def listing_titles(response):
    return [row["Intitulé"] for row in listing_rows(response)]


def field_errors(response, field_name):
    """The error messages shown under one field of an admin form."""
    field = soup(response).select_one(f'[data-contentpath="{field_name}"]')
    return [text_of(p) for p in field.select(".w-field__errors .error-message")]


def form_data(response, with_csrf=False):
    """What a browser would submit from the admin edit form of `response`, pressing no button, as a
    dict of lists (the test client would only send the last value of each QueryDict key)."""
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form", exclude_csrf=not with_csrf)
    return {name: data.getlist(name) for name in data}


def new_offer_data(client, **values):
    """The creation form as a browser submits it, filled with a valid offer, then `values`."""
    data = form_data(client.get(offer_url("add")))
    data.update(
        {
            "title": "Développeuse ou développeur Django",
            "reference": "DN-12",
            "institution": str(InstitutionFactory(slug="dnum", name="Direction du numérique", acronym="DNUM").pk),
            "profession": str(profession("developpement").pk),
            "skills": "Python, Django",
            "category": "a",
            "experience_level": "confirme",
            "remote": "partiel",
            "city": "Lyon",
            "postal_code": "69003",
            "missions": rich_text("<p>Construire des services publics utiles.</p>"),
            "apply_url": "https://candidature.example.gouv.fr/dn-12",
            "deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        }
    )
    data["contract_types"] = [str(ContractType.objects.get(code="contractuel").pk)]
    for name, value in values.items():
        data[name] = value
    return data
