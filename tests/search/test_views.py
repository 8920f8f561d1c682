"""The search pages over HTTP: /offres/ (form, facets, tags, notices, empty state, pagination, feed
links), the feeds and suggestions taking the same parameters, and /recherche/. All on the demo site,
loaded once for the module; expectations are read from the engine, not hard-coded."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs import geography
from jobs.models import JobOffer
from search.engines import get_engine
from search.query import OfferQuery
from tests.jobs.helpers import queries_for
from tests.search.conftest import querydict

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(demo_content):
    """The demo site (147 offers, stories, guides, employer pages), on the database engine."""


@pytest.fixture(autouse=True)
def database_engine(settings):
    settings.ELASTICSEARCH_URL = ""


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def search(**params):
    return get_engine().search(OfferQuery.from_querydict(querydict(params)))


def checkbox(page, facet, value):
    return page.select_one(f"fieldset#filtre-{facet} input[name={facet}][value='{value}']")


def label_of(page, box):
    return text(page.select_one(f"label[for='{box['id']}']"))


def busiest(facet_name, **params):
    """The value of a facet with the most offers for a search."""
    return search(**params).facet(facet_name).values[0]


def test_facets_show_their_counts_and_what_is_checked(client):
    region = busiest("region", q="developpeur")
    results = search(q="developpeur", region=region.value)
    page = get(client, f"/offres/?q=developpeur&region={region.value}")

    for facet in results.facets:
        fieldset = page.select_one(f"fieldset#filtre-{facet.name}")
        assert text(fieldset.legend) == facet.label
        for value in facet.values:
            box = checkbox(page, facet.name, value.value)
            assert label_of(page, box) == f"{value.label} ({value.count})"
            assert box.has_attr("checked") == value.selected
    assert checkbox(page, "region", region.value).has_attr("checked")
    assert page.select_one("fieldset#filtre-departement"), "départements once a région is chosen"
    for value in results.facet("departement").values:
        name = geography.departements()[value.value].name
        assert label_of(page, checkbox(page, "departement", value.value)) == f"{value.value} – {name} ({value.count})"
    assert not get(client, "/offres/?q=developpeur").select_one("fieldset#filtre-departement")


def test_long_facets_show_eight_values_then_a_disclosure_open_when_hiding_a_choice(client):
    institutions = search().facet("institution").values
    assert len(institutions) > 8
    page = get(client, "/offres/")
    fieldset = page.select_one("fieldset#filtre-institution")
    assert len(fieldset.select("input")) == len(institutions)
    details = fieldset.select_one("details")
    assert len(details.select("input")) == len(institutions) - 8
    assert text(details.summary) == f"Voir plus ({len(institutions) - 8})"
    assert not details.has_attr("open")

    last = institutions[-1].value
    opened = get(client, f"/offres/?institution={last}").select_one("fieldset#filtre-institution details")
    assert opened.has_attr("open")


def test_selected_values_stay_visible_at_zero(client):
    page = get(client, "/offres/?teletravail=total&region=11&salaire_min=200000")

    for facet, value in (("teletravail", "total"), ("region", "11")):
        box = checkbox(page, facet, value)
        assert box.has_attr("checked")
        assert label_of(page, box).endswith("(0)")


def test_chosen_filters_are_removable_tags_and_can_all_be_cleared(client):
    region = busiest("region", q="developpeur")
    page = get(client, f"/offres/?q=developpeur&region={region.value}&teletravail=partiel&salaire_min=40000&publiee=30")

    tags = {tag["aria-label"]: tag["href"] for tag in page.select("a.fr-tag.fr-tag--dismiss")}
    base = f"/offres/?q=developpeur&region={region.value}&teletravail=partiel"
    assert tags == {
        f"Retirer le filtre {region.label}": "/offres/?q=developpeur&teletravail=partiel&salaire_min=40000&publiee=30",
        "Retirer le filtre Télétravail partiel": (
            f"/offres/?q=developpeur&region={region.value}&salaire_min=40000&publiee=30"
        ),
        "Retirer le filtre Au moins 40\u00a0000\u00a0€": f"{base}&publiee=30",
        "Retirer le filtre Publiées depuis 30 jours": f"{base}&salaire_min=40000",
    }
    clear = page.find("a", string=lambda string: string and "Effacer les filtres" in string)
    assert clear["href"] == "/offres/?q=developpeur"
    assert not get(client, "/offres/?q=developpeur").find("a", string="Effacer les filtres")


def test_the_total_is_a_heading_in_a_polite_live_region_and_the_title_tells_the_search(client):
    results = search(q="developpeur", page=2)
    assert results.page == 2
    page = get(client, "/offres/?q=developpeur&page=2")

    status = page.select_one("#total-offres[role=status]")
    assert text(status.h2) == f"{results.total} offres"
    assert page.title.string == "Offres : developpeur – page 2 – Métiers du numérique"
    region = busiest("region")
    filtered = get(client, f"/offres/?q=developpeur&region={region.value}&teletravail=partiel")
    assert filtered.title.string == f"Offres : developpeur, {region.label}, Télétravail partiel – Métiers du numérique"
    assert len(page.find_all("h1")) == 1
    levels = [int(heading.name[1]) for heading in page.main.find_all(["h1", "h2", "h3", "h4"])]
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
    cards = page.select("#resultats .fr-card")
    assert len(cards) == len(results.hits) == 20
    assert cards[0].select_one("h3 mark"), "the searched word is highlighted in the title"


def test_a_malformed_number_is_ignored_with_a_visible_notice(client):
    page = get(client, "/offres/?salaire_min=beaucoup&publiee=semaine&page=deux")

    notices = [text(alert) for alert in page.select(".fr-alert")]
    assert notices == [
        "Le salaire minimum « beaucoup » n'est pas un montant en euros : ce filtre est ignoré.",
        "La période de publication « semaine » n'est pas un nombre de jours : ce filtre est ignoré.",
        "Le numéro de page « deux » n'est pas un nombre : voici la première page.",
    ]
    assert text(page.select_one("#total-offres h2")) == f"{JobOffer.objects.open().count()} offres"
    salary = page.select_one("#filtre-salaire-min")
    error = page.select_one(f"#{salary['aria-describedby']}")
    assert "Indiquez un montant en euros" in text(error)
    assert not get(client, "/offres/?salaire_min=40000").select_one("#filtre-salaire-min").has_attr("aria-describedby")


def test_empty_results_suggest_removing_the_most_restrictive_filter(client):
    region = busiest("region")
    page = get(client, f"/offres/?region={region.value}&salaire_min=200000")

    assert text(page.select_one("#total-offres h2")) == "Aucune offre"
    callout = page.select_one("#resultats .fr-callout")
    assert "Aucune offre ne correspond à cette recherche" in text(callout)
    link = callout.select_one("a")
    assert link["href"] == f"/offres/?region={region.value}"
    assert text(link) == f"{search(region=region.value).total} offres"
    assert "Sans le filtre « Salaire minimum »" in text(callout)


@pytest.mark.parametrize("asked, named", [("999", "La page 999"), ("1" + "0" * 30, "La page demandée")])
def test_a_page_past_the_last_shows_the_last_with_a_notice(client, asked, named):
    results = search(q="developpeur")
    page = get(client, f"/offres/?q=developpeur&page={asked}")

    current = page.select_one(".fr-pagination [aria-current=page]")
    assert text(current) == str(results.page_count)
    assert f"page {results.page_count}" in page.title.string
    assert [text(alert) for alert in page.select(".fr-alert")] == [
        f"{named} n'existe pas : voici la dernière, la page {results.page_count}."
    ]
    assert not get(client, "/offres/?q=zzzzzz&page=3").select(".fr-alert")


def test_a_site_search_page_past_the_last_shows_the_last_with_a_notice(client):
    first = get(client, "/recherche/?q=développeur")
    last = text(first.select(".fr-pagination__link[title]")[-1])

    page = get(client, "/recherche/?q=développeur&page=4000")

    assert text(page.select_one(".fr-pagination [aria-current=page]")) == last
    assert [text(alert) for alert in page.select(".fr-alert")] == [
        f"La page 4000 n'existe pas : voici la dernière, la page {last}."
    ]


def test_the_page_links_to_the_feeds_of_its_search(client):
    page = get(client, "/offres/?q=data&teletravail=total&page=2&inconnu=1")

    links = page.select("#resultats a")
    feeds = {link.string: link["href"] for link in links if link.string in ("flux RSS", "flux Atom")}
    assert feeds == {
        "flux RSS": "/offres/flux.rss?q=data&teletravail=total",
        "flux Atom": "/offres/flux.atom?q=data&teletravail=total",
    }
    alternates = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert alternates["application/rss+xml"] == "/offres/flux.rss?q=data&teletravail=total"


@pytest.mark.parametrize("path", ["/offres/flux.rss", "/offres/flux.atom"])
def test_feeds_take_the_search_parameters_newest_first(client, path):
    region = busiest("region")
    expected = get_engine().search(
        OfferQuery.from_querydict(querydict({"region": region.value, "tri": "date"})), size=50
    )

    response = client.get(f"{path}?region={region.value}&tri=salaire&page=3")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    links = [entry.link.removeprefix("http://testserver") for entry in feed.entries]
    assert links == [hit.offer.get_absolute_url() for hit in expected.hits]
    assert len(links) == min(expected.total, 50)
    assert feed.feed.link.endswith(f"/offres/?region={region.value}")
    unfiltered = feedparser.parse(client.get(path).content)
    assert len(unfiltered.entries) == 50


@pytest.mark.parametrize("path", ["/offres/flux.rss", "/offres/flux.atom"])
def test_feeds_count_nothing(client, path):
    """A feed reads its 50 offers, never the facet counts or the total of the search page."""
    region = busiest("region", q="developpeur")
    url = f"{path}?q=developpeur&region={region.value}&teletravail=partiel&metier=developpement"
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200 and feedparser.parse(response.content).entries
    statements = " ".join(query["sql"] for query in queries).upper()
    assert "GROUP BY" not in statements and "COUNT(" not in statements
    assert len(queries) <= 9


@pytest.mark.parametrize("path", ["/offres/flux.rss", "/offres/flux.atom"])
def test_a_feed_title_names_the_search_and_its_filters(client, path):
    region = busiest("region")

    feed = feedparser.parse(client.get(f"{path}?q=data&region={region.value}&teletravail=total").content)

    assert feed.feed.title == f"Métiers du numérique — offres : data, {region.label}, Télétravail total"
    assert feedparser.parse(client.get(path).content).feed.title == "Métiers du numérique — dernières offres d'emploi"


def test_suggestions_are_json_with_eight_at_most(client):
    answer = client.get("/offres/suggestions?q=dev").json()

    assert 1 <= len(answer["suggestions"]) <= 8
    for suggestion in answer["suggestions"]:
        assert set(suggestion) == {"label", "url", "kind"}
        assert suggestion["kind"] in ("offre", "metier", "employeur")
        assert suggestion["url"].startswith("/offres/")
    assert client.get("/offres/suggestions?q=").json() == {"suggestions": []}
    assert client.get("/offres/suggestions").json() == {"suggestions": []}


@pytest.mark.parametrize(
    "typed", ['"', "'", '"développeur', 'dévelop"peur', "AND", "NEAR(", "*", "(data", "^", ":", "-"]
)
def test_text_that_looks_like_search_syntax_is_only_text(client, typed):
    """A quote, a bracket or an operator typed by a candidate never reaches the engine as syntax."""
    for path in ("/offres/", "/offres/suggestions", "/recherche/", "/offres/flux.rss"):
        assert client.get(path, {"q": typed}).status_code == 200, (path, typed)


def test_a_quote_typed_around_a_word_still_suggests_what_the_word_does(client):
    plain = client.get("/offres/suggestions", {"q": "développeur"}).json()["suggestions"]

    assert plain
    assert client.get("/offres/suggestions", {"q": '"développeur"'}).json()["suggestions"] == plain


@pytest.mark.parametrize(
    "q,kind,title",
    [
        ("randonneurs", "Témoignage", "« Nos cartes servent aux pompiers comme aux randonneurs »"),
        ("rémunération", "Guide", "La rémunération dans la fonction publique"),
        ("Météo-France", "Employeur", "Météo-France"),
    ],
)
def test_site_search_finds_stories_guides_and_employer_pages(client, q, kind, title):
    page = get(client, f"/recherche/?q={q}")

    results = [
        (text(item.select_one(".fr-badge")), text(item.h3)) for item in page.select("#titre-resultats ~ ul > li")
    ]
    assert (kind, title) in results
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert len(page.find_all("h1")) == 1


def test_site_search_lists_pages_named_after_the_search_first(client):
    page = get(client, "/recherche/?q=télétravail")

    first = page.select_one("#titre-resultats ~ ul > li h3")
    assert text(first) == "Le télétravail dans la fonction publique"


def test_site_search_ranks_offers_and_pages_together_with_a_tab_per_type(client):
    results = search(q="développeur")
    page = get(client, "/recherche/?q=développeur")

    tabs = {text(tab).replace("\u00a0", " "): tab for tab in page.select("nav[aria-label='Type de résultats'] a")}
    counts = {label.split(" (")[0]: int(label.split("(")[1].rstrip(")")) for label in tabs}
    assert counts["Offres"] == results.total
    assert counts["Tout"] == sum(count for label, count in counts.items() if label != "Tout")
    assert counts["Témoignages"] >= 1
    assert tabs[f"Tout ({counts['Tout']})"]["aria-current"] == "page"
    kinds = [text(item.select_one(".fr-badge")) for item in page.select("#titre-resultats ~ ul > li")]
    assert kinds[0] == "Offre" and len(kinds) == 10
    link = page.find("a", href="/offres/?q=d%C3%A9veloppeur")
    assert text(link) == f"Les {results.total} offres pour « développeur » dans la recherche d'offres, avec ses filtres"

    stories_tab = tabs[f"Témoignages ({counts['Témoignages']})"]
    stories = get(client, stories_tab["href"])
    assert {text(badge) for badge in stories.select("#titre-resultats ~ ul .fr-badge")} == {"Témoignage"}
    assert text(stories.select_one("#titre-resultats")) == "Témoignages"
    assert stories.select_one("nav[aria-label='Type de résultats'] a[aria-current=page]")["href"] == stories_tab["href"]
    offers = get(client, "/recherche/?q=développeur&type=offres&page=2")
    badges = [text(badge) for badge in offers.select("#titre-resultats ~ ul .fr-badge")]
    assert badges == ["Offre"] * 10
    assert text(offers.select_one("#titre-resultats")) == "Offres – page 2"
    unknown_type = get(client, "/recherche/?q=développeur&type=inconnu")
    assert text(unknown_type.select_one("nav[aria-label='Type de résultats'] a[aria-current=page]")).startswith("Tout")


def test_site_search_puts_the_page_about_the_query_above_pages_and_offers_that_mention_it(client):
    page = get(client, "/recherche/?q=Météo-France")
    first = page.select_one("#titre-resultats ~ ul > li")
    assert (text(first.select_one(".fr-badge")), text(first.h3)) == ("Employeur", "Météo-France")

    for acronym, employer in (
        ("ANSSI", "Agence nationale de la sécurité des systèmes d'information"),
        ("DINUM", "Direction interministérielle du numérique"),
    ):
        first = get(client, f"/recherche/?q={acronym}").select_one("#titre-resultats ~ ul > li")
        assert (text(first.select_one(".fr-badge")), text(first.h3)) == ("Employeur", employer)

    page = get(client, "/recherche/?q=rémunération")
    ranked = [(text(item.select_one(".fr-badge")), text(item.h3)) for item in page.select("#titre-resultats ~ ul > li")]
    # The guide named after the query first; employer pages that mention pay in passing after it.
    assert ranked[0] == ("Guide", "La rémunération dans la fonction publique")
    assert ranked.index(("Guide", "La rémunération dans la fonction publique")) < min(
        position for position, (kind, _) in enumerate(ranked) if kind == "Employeur"
    )


def test_site_search_without_a_query_explains_itself(client):
    page = get(client, "/recherche/")

    assert page.select_one("input[name=q]")
    assert "Cherchez un mot ou un nom" in text(page.main)
    assert not page.select("#titre-resultats")
    assert page.select_one("meta[name=robots]")["content"] == "noindex"


def test_search_pages_cost_a_fixed_number_of_queries(client):
    # One employer page against ten pages of three types: one more query per page type at most.
    assert queries_for(client, "/recherche/?q=télétravail") <= queries_for(client, "/recherche/?q=Météo-France") + 2
    # The menu and the footer pages (one query), the synonyms (read by the site search and by the offer
    # engine), the offers' skills, one query per page type (employer pages with their employer).
    assert queries_for(client, "/recherche/?q=télétravail") <= 19
    # 20 cards against one (the demo has a single offer paying 75 000 € or more in Île-de-France).
    assert queries_for(client, "/offres/?region=11") == queries_for(client, "/offres/?region=11&salaire_min=75000")


def submitted(page, **changes):
    """The query string a browser sends from the search form of `page`, with `changes` typed in."""
    from wagtail.test.utils.form_data import querydict_from_html

    data = querydict_from_html(str(page), form_id="recherche-offres")
    for name, value in changes.items():
        data[name] = value
    return data.urlencode()


def selected_sort(page):
    option = page.select_one("select#tri option[selected]") or page.select_one("select#tri option")
    return option["value"], text(option)


def test_a_word_typed_on_the_newest_first_page_is_searched_by_relevance(client):
    newest = get(client, "/offres/")
    assert selected_sort(newest) == ("", "Les plus récentes")

    typed = get(client, "/offres/?" + submitted(newest, q="données"))

    assert selected_sort(typed) == ("", "Pertinence")
    first_titles = [text(title) for title in typed.select(".fr-card__title")[:5]]
    assert first_titles == [hit.offer.title for hit in search(q="données").hits[:5]]


def test_a_chosen_order_stays_chosen_and_in_the_url(client):
    page = get(client, "/offres/?q=données&tri=date")
    assert selected_sort(page) == ("date", "Les plus récentes")

    again = get(client, "/offres/?" + submitted(page, q="développeur"))
    assert "tri=date" in submitted(page) and selected_sort(again) == ("date", "Les plus récentes")
