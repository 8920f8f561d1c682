import pytest
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

from home.models import SiteSettings
from metnum_site.views import server_error

FOOTER_LINKS = {
    "Plan du site": "/plan-du-site/",
    "Accessibilité : non conforme": "/accessibilite/",
    "Mentions légales": "/mentions-legales/",
    "Données personnelles": "/donnees-personnelles/",
    "Gestion des cookies": "/gestion-des-cookies/",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("path", ["/", *FOOTER_LINKS.values()])
def test_public_pages_render_in_the_dsfr_shell(client, demo_site, path):
    response = client.get(path)

    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert len(html.find_all("h1")) == 1
    assert html.select_one(".fr-header__service-title").get_text(strip=True) == "Métiers du numérique"
    assert html.select_one(".fr-skiplinks a")["href"] == "#contenu"
    assert html.find("main", id="contenu") is not None
    search = html.select_one("header form[role=search]")
    assert search["action"] == "/offres/" and search.find("input", attrs={"name": "q"}) is not None
    nav = [link.get_text(strip=True) for link in html.select("#navigation-principale a")]
    assert nav == ["Offres", "Employeurs", "Témoignages", "Guides"]
    assert html.find(id="fr-theme-modal") is not None
    # Every page has its own title.
    assert "Métiers du numérique" in html.title.get_text()


def test_footer_links_lead_to_live_pages(client, demo_site):
    html = soup(client.get("/"))
    footer_links = {link.get_text(strip=True): link["href"] for link in html.select(".fr-footer__bottom-link[href]")}

    assert footer_links == FOOTER_LINKS
    for href in footer_links.values():
        assert client.get(href).status_code == 200


def test_footer_shows_the_accessibility_status_from_the_site_settings(client, demo_site):
    settings = SiteSettings.for_site(demo_site.get_site())
    settings.accessibility_status = "partiellement"
    settings.save()

    html = soup(client.get("/"))

    assert "Accessibilité : partiellement conforme" in html.select_one(".fr-footer__bottom-list").get_text()


def test_page_titles_are_unique(client, demo_site):
    titles = [soup(client.get(path)).title.get_text(strip=True) for path in FOOTER_LINKS.values()] + [
        soup(client.get("/")).title.get_text(strip=True)
    ]
    assert len(set(titles)) == len(titles)


def test_inner_pages_have_a_breadcrumb_back_home(client, demo_site):
    html = soup(client.get("/mentions-legales/"))

    breadcrumb = html.select_one("nav.fr-breadcrumb")
    assert breadcrumb.select_one("a[href='/']") is not None
    assert breadcrumb.select_one("[aria-current=page]").get_text(strip=True) == "Mentions légales"
    # A link to the page itself, not an `a` without `href` (which search engines cannot follow).
    assert breadcrumb.select_one("[aria-current=page]")["href"] == "/mentions-legales/"


def test_sitemap_lists_live_pages_only(client, demo_site):
    from editorial.models import StandardPage

    draft = StandardPage(title="Brouillon secret", slug="brouillon", live=False)
    demo_site.add_child(instance=draft)

    html = soup(client.get("/plan-du-site/"))
    links = {link.get_text(strip=True): link["href"] for link in html.select("main a")}

    assert links["Mentions légales"] == "/mentions-legales/"
    assert links["Déclaration d'accessibilité"] == "/accessibilite/"
    assert "Brouillon secret" not in links


def test_unknown_address_gets_the_404_page_in_the_shell(client, demo_site):
    response = client.get("/cette-page-nexiste-pas/")

    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Page introuvable"
    assert html.select_one(".fr-footer") is not None


def test_500_page_needs_no_database(django_assert_num_queries, db):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Erreur inattendue"
    assert "Accessibilité : non conforme" in html.select_one(".fr-footer").get_text()


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_pagination_marks_the_links_that_lead_nowhere_as_disabled(rf):
    page = Paginator(range(60), 20).page(1)
    request = rf.get("/offres/")

    html = Template("{% load shell_tags %}{% pagination page %}").render(Context({"request": request, "page": page}))

    links = BeautifulSoup(html, "html.parser").select("a.fr-pagination__link")
    disabled = [" ".join(link["class"]) for link in links if link.get("aria-disabled") == "true"]
    assert disabled == [
        "fr-pagination__link fr-pagination__link--first",
        "fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label",
    ]
    assert all(link.get("role") == "link" for link in links if not link.get("href"))
    assert all(link.get("aria-disabled") is None for link in links if link.get("href"))


def test_the_site_name_comes_from_one_setting(client, demo_site, settings):
    settings.WAGTAIL_SITE_NAME = "Emplois numériques publics"

    home = soup(client.get("/"))
    assert home.select_one(".fr-header__service-title").get_text(strip=True) == "Emplois numériques publics"
    assert "Emplois numériques publics" in home.select_one(".fr-footer__content-desc").get_text()
    assert "Emplois numériques publics" in soup(client.get("/offres/?q=data")).title.get_text()
    assert b"<title>Emplois num\xc3\xa9riques publics" in client.get("/offres/flux.rss").content
    assert "Métiers du numérique" not in client.get("/").content.decode()


def test_main_navigation_follows_the_section_pages(client, demo_site):
    from editorial.models import InstitutionIndexPage, StoryIndexPage

    employers = InstitutionIndexPage.objects.get()
    employers.slug = "nos-employeurs"
    employers.save_revision().publish()
    StoryIndexPage.objects.get().unpublish()

    html = soup(client.get("/"))
    nav = {link.get_text(strip=True): link["href"] for link in html.select("#navigation-principale a")}
    assert nav == {"Offres": "/offres/", "Employeurs": "/nos-employeurs/", "Guides": "/guides/"}


def test_pagination_links_keep_the_filters_once_and_elide_far_pages(rf):
    page = Paginator(range(400), 20).page(10)
    request = rf.get("/offres/?q=data&region=11&region=11&region=24&page=10&page=3")

    html = Template("{% load shell_tags %}{% pagination page %}").render(Context({"request": request, "page": page}))

    links = BeautifulSoup(html, "html.parser").select(".fr-pagination__link")
    labels = [link.get_text(strip=True) for link in links]
    assert labels == [
        "Première page",
        "Page précédente",
        "1",
        "…",
        "9",
        "10",
        "11",
        "…",
        "20",
        "Page suivante",
        "Dernière page",
    ]
    current = [link for link in links if link.get("aria-current") == "page"]
    assert [link.get_text() for link in current] == ["10"]
    next_link = next(link for link in links if link.get_text(strip=True) == "Page suivante")
    assert next_link["href"] == "?q=data&region=11&region=24&page=11"
    first = next(link for link in links if link.get_text(strip=True) == "Première page")
    assert first["href"] == "?q=data&region=11&region=24"


def test_the_footer_links_to_the_pages_chosen_in_the_site_settings(client, demo_site):
    from django.core.cache import cache
    from wagtail.models import Page

    settings = SiteSettings.for_site(demo_site.get_site())
    settings.legal_notice_page = Page.objects.get(slug="donnees-personnelles")
    settings.cookies_page = None
    settings.save()
    Page.objects.get(slug="plan-du-site").unpublish()

    footer = soup(client.get("/")).select("a.fr-footer__bottom-link")
    links = {link.get_text(strip=True): link["href"] for link in footer}

    assert links["Mentions légales"] == "/donnees-personnelles/"
    assert "Gestion des cookies" not in links and "Plan du site" not in links  # not chosen, not live
    # The 500 page reads no database: it shows the links the last page served found.
    error_footer = soup(server_error(RequestFactory().get("/"))).select_one(".fr-footer")
    assert {link["href"] for link in error_footer.select("a.fr-footer__bottom-link")} == set(links.values())
    cache.clear()
    error_footer = soup(server_error(RequestFactory().get("/"))).select_one(".fr-footer")
    assert not error_footer.select("a.fr-footer__bottom-link") and "Accessibilité" in error_footer.get_text()
