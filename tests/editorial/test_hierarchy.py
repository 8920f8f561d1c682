from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from editorial.models import (
    GuideIndexPage,
    GuidePage,
    InstitutionIndexPage,
    InstitutionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import HomePage, SitemapPage

INDEXES = {InstitutionIndexPage: InstitutionPage, StoryIndexPage: StoryPage, GuideIndexPage: GuidePage}
EDITORIAL_TYPES = {InstitutionIndexPage, InstitutionPage, StoryIndexPage, StoryPage, GuideIndexPage, GuidePage}


class EditorialHierarchyTests(WagtailPageTestCase):
    def test_indexes_sit_under_the_home_page_only(self):
        for index in INDEXES:
            with self.subTest(index=index.__name__):
                self.assertCanCreateAt(HomePage, index)
                self.assertCanNotCreateAt(Page, index)
                self.assertCanNotCreateAt(StandardPage, index)
                for other in EDITORIAL_TYPES:
                    self.assertCanNotCreateAt(other, index)

    def test_each_index_holds_its_own_page_type_only(self):
        for index, child in INDEXES.items():
            with self.subTest(index=index.__name__):
                self.assertAllowedSubpageTypes(index, {child})
                self.assertCanCreateAt(index, child)
                for other_index in set(INDEXES) - {index}:
                    self.assertCanNotCreateAt(other_index, child)
                self.assertCanNotCreateAt(HomePage, child)
                self.assertCanNotCreateAt(StandardPage, child)

    def test_detail_pages_are_leaves(self):
        for child in INDEXES.values():
            with self.subTest(page=child.__name__):
                self.assertAllowedSubpageTypes(child, set())
                for page_type in EDITORIAL_TYPES | {StandardPage}:
                    self.assertCanNotCreateAt(child, page_type)

    def test_index_pages_are_unique(self):
        for index in INDEXES:
            self.assertEqual(index.max_count, 1)

    def test_home_page_children_are_declared(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, SitemapPage, InstitutionIndexPage, StoryIndexPage, GuideIndexPage}
        )
