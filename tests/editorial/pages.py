"""Builders for editorial pages in tests: published like an editor would, through revisions."""

import datetime
import itertools

import wagtail_factories
from wagtail.models import Site

from demo import site
from demo.pages import stream
from demo.report import DemoReport
from editorial.models import GuideIndexPage, GuidePage, GuidePageTag, StoryIndexPage, StoryPage, StoryPageTag, Theme
from editorial.spaces import get_or_create_institution_page
from tests.factories import InstitutionFactory, JobOfferFactory

_numbers = itertools.count(1)


def home_page():
    """The home page as the default site's root, with the legal pages (no editorial content)."""
    site.load(DemoReport())
    return Site.objects.get(is_default_site=True).root_page


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def story_index(home=None):
    index = StoryIndexPage.objects.first()
    return index or publish_child(home or home_page(), StoryIndexPage(title="Témoignages", slug="temoignages"))


def guide_index(home=None):
    index = GuideIndexPage.objects.first()
    return index or publish_child(home or home_page(), GuideIndexPage(title="Guides", slug="guides"))


def tags(*names):
    return [Theme.objects.get_or_create(name=name)[0] for name in names]


def make_story(index, tag_names=(), body=(), with_image=True, **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Témoignage {number}")
    fields.setdefault("slug", f"temoignage-{number}")
    fields.setdefault("intro", "Une agente raconte son métier.")
    fields.setdefault("person_name", "Camille")
    fields.setdefault("person_role", "développeuse")
    fields.setdefault("date", datetime.date(2025, 1, 1) + datetime.timedelta(days=number))
    if with_image:
        fields.setdefault("hero_image", wagtail_factories.ImageFactory())
    page = StoryPage(
        tagged_items=[StoryPageTag(tag=tag) for tag in tags(*tag_names)],
        body=stream(*body),
        **fields,
    )
    return publish_child(index, page)


def make_guide(index, tag_names=(), body=(), **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Guide {number}")
    fields.setdefault("slug", f"guide-{number}")
    fields.setdefault("intro", "Ce qu'il faut savoir.")
    page = GuidePage(tagged_items=[GuidePageTag(tag=tag) for tag in tags(*tag_names)], body=stream(*body), **fields)
    return publish_child(index, page)


def make_employer(with_logo=True, open_offers=1, **fields):
    """An institution with `open_offers` published offers and a published employer page."""
    if with_logo:
        fields.setdefault("logo", wagtail_factories.ImageFactory())
    institution = InstitutionFactory(**fields)
    for _ in range(open_offers):
        JobOfferFactory(institution=institution, published=True)
    page, _ = get_or_create_institution_page(institution)
    return page


def heading(text, level="h2", anchor=""):
    return "heading", {"text": text, "level": level, "anchor": anchor}


def paragraph(html):
    return "paragraph", html
