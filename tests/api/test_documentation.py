"""/api/: the documentation page, in the site's shell, readable without JavaScript."""

import pytest
from bs4 import BeautifulSoup

from api import datasets
from search.query import PARAMETERS

pytestmark = pytest.mark.django_db


def test_the_documentation_page(client, demo_site):
    response = client.get("/api/")

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert [h1.get_text() for h1 in page.find_all("h1")] == ["API et données ouvertes"]
    assert page.title.get_text().startswith("API et données ouvertes")
    levels = [int(heading.name[1]) for heading in page.find_all(["h1", "h2", "h3", "h4"])]
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
    assert all(table.caption for table in page.find_all("table"))
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert {"/api/v1/offres/", "/api/v1/institutions/", "/api/v1/openapi.json", "/api/v1/donnees/offres.csv"} <= links
    text = page.get_text()
    for name in [*PARAMETERS[:-1], *(column.name for column in datasets.COLUMNS)]:
        assert name in text
    assert "script" not in {tag.name for tag in page.select("main *")}
