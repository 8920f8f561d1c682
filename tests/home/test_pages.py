import pytest
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from editorial.models import StandardPage
from home.models import HomePage, SitemapPage


class PageHierarchyTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_sitemap_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(SitemapPage, {HomePage})
        self.assertAllowedSubpageTypes(SitemapPage, set())

    def test_unique_pages(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertEqual(SitemapPage.max_count, 1)


def test_hero_must_open_the_home_page():
    block = HomePage.body.field.stream_block
    value = block.to_python(
        [
            {"type": "paragraph", "value": "<p>Intro</p>"},
            {"type": "hero", "value": {"title": "Bienvenue", "text": "", "show_offer_search": True}},
        ]
    )

    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_home_page_without_hero_still_has_one_h1(client, demo_site):
    demo_site.body = [("paragraph", "<p>Texte seul</p>")]
    demo_site.save_revision().publish()

    html = client.get("/").content.decode()

    assert html.count("<h1") == 1
