"""The searches without results, counted by impact (one owner of the search counts) and listed for
the editorial team in Rapports → « Recherches sans résultat »: the text and a count per day, nothing
about who searched, never a text that looks like an e-mail address or a phone number."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from editorial.spaces import create_institution_space, ensure_editorial_team
from impact import counters
from impact.models import SearchDailyCount
from tests.search.conftest import offer

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
REPORT_URL = reverse("zero_result_searches")


@pytest.fixture
def offers(settings, client):
    settings.ELASTICSEARCH_URL = ""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    offer("Développeur ou développeuse Python", skill_names=("Django", "PostgreSQL"))


def zero_result_counts():
    counters.flush()
    return set(SearchDailyCount.objects.filter(zero_result_searches__gt=0).values_list("text", "zero_result_searches"))


def test_searches_without_results_are_counted_by_text_and_day_only(offers, client):
    for _ in range(2):
        client.get("/offres/", {"q": "  Licorne   Rose "})
    client.get("/offres/", {"q": "licorne rose", "page": "2"})
    client.get("/offres/", {"q": "python"})  # found something
    client.get("/offres/", {"q": "licorne rose"}, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get("/offres/", {"q": "camille.martin@example.fr"})
    client.get("/offres/", {"q": "06 12 34 56 78"})

    assert zero_result_counts() == {("licorne rose", 2), ("", 2)}  # the personal ones without their text
    fields = {field.name for field in SearchDailyCount._meta.concrete_fields}
    assert fields == {"id", "day", "text", "searches", "zero_result_searches"}  # nothing about the person


def test_the_editorial_team_reads_the_report_and_exports_it_ministries_do_not(offers, client):
    for text in ("licorne", "licorne", "cobol spatial"):
        client.get("/offres/", {"q": text})
    today = timezone.localdate().isoformat()
    team, _ = ensure_editorial_team()
    member = get_user_model().objects.create_user("equipe", password="mot-de-passe-de-test")
    member.groups.add(team)
    space = create_institution_space("Ministère des Essais", acronym="ESSAIS")
    editor = get_user_model().objects.create_user("ministere", password="mot-de-passe-de-test")
    editor.groups.add(space.group)

    client.force_login(member)
    page = BeautifulSoup(client.get(REPORT_URL).content, "html.parser")
    rows = [[cell.get_text(strip=True) for cell in row.select("td")][:2] for row in page.select("tbody tr")]
    assert rows == [["licorne", "2"], ["cobol spatial", "1"]]
    assert page.select_one("h1").get_text(strip=True) == "Recherches sans résultat"
    assert REPORT_URL in client.get(reverse("wagtailadmin_home")).content.decode()  # in the Reports menu
    export = client.get(REPORT_URL, {"export": "csv"})
    exported = b"".join(export.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(exported)))[:3] == [
        ["Texte cherché", "Recherches", "Dernière recherche"],
        ["licorne", "2", today],
        ["cobol spatial", "1", today],
    ]

    client.force_login(editor)
    assert client.get(REPORT_URL).status_code in (302, 403)
    assert REPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
