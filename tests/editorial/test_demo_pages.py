"""Every editorial page type renders from the demo content, with one h1, an outline that never skips a
level and a table of contents whose links land on the guide's headings."""

import pytest
from bs4 import BeautifulSoup

from editorial.models import GuidePage, InstitutionPage, StoryPage
from jobs.models import Institution

from .outline import main_headings, skipped_levels

pytestmark = pytest.mark.django_db


def demo_paths():
    paths = ["/", "/employeurs/", "/temoignages/", "/guides/"]
    for model in (InstitutionPage, StoryPage, GuidePage):
        paths += [page.url for page in model.objects.live()]
    return paths


def test_every_page_type_renders_from_demo_content(client, editorial_site):
    paths = demo_paths()

    assert len([path for path in paths if path.startswith("/employeurs/")]) == 1 + Institution.objects.count()
    assert len([path for path in paths if path.startswith("/temoignages/")]) == 1 + 12
    assert len([path for path in paths if path.startswith("/guides/")]) == 1 + 6
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.decode().count("<h1") == 1, path


def test_heading_levels_never_skip_on_demo_pages(client, editorial_site):
    for path in demo_paths():
        html = client.get(path).content.decode()
        assert skipped_levels(html) == [], path


def test_home_page_shows_latest_offers_employers_and_stories(client, editorial_site):
    html = client.get("/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    sections = {" ".join(h2.get_text().split()): h2.find_parent("section") for h2 in soup.select("main h2")}

    assert len(sections["Dernières offres"].select(".fr-card")) == 6
    assert len(sections["Ils recrutent en ce moment"].select(".fr-card")) == 4
    assert len(sections["Ils et elles y travaillent"].select(".fr-card")) == 3
    assert sections["Ils recrutent en ce moment"].select_one("a[href='/employeurs/dinum/']")


def test_every_institution_gets_its_page_at_its_slug(client, editorial_site):
    for institution in Institution.objects.all():
        page = institution.employer_page
        assert page.live
        assert page.url == f"/employeurs/{institution.slug}/"
        assert institution.public_url == page.url


def test_demo_stories_name_existing_employers_only(editorial_site):
    stories = StoryPage.objects.all()

    named = {story.person_institution for story in stories if story.person_institution}
    assert {institution.slug for institution in named} >= {"dinum", "insee"}
    assert all(institution.employer_page.live for institution in named)
    assert all(story.tags.exists() for story in stories)


@pytest.mark.parametrize("guide", ["fonctionnaire-ou-contractuel", "la-remuneration-dans-la-fonction-publique"])
def test_table_of_contents_links_land_on_headings(client, editorial_site, guide):
    html = client.get(f"/guides/{guide}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    summary = soup.select_one("nav.fr-summary")
    targets = [link["href"].removeprefix("#") for link in summary.select("a.fr-summary__link")]
    heading_ids = {heading_id for _, _, heading_id in main_headings(html) if heading_id}
    all_ids = [tag["id"] for tag in soup.find_all(id=True)]

    assert targets, "le sommaire est vide"
    assert set(targets) <= heading_ids
    assert len(all_ids) == len(set(all_ids)), "des identifiants sont en double sur la page"
    for target in targets:
        assert soup.find(id=target).name in {"h2", "h3"}
