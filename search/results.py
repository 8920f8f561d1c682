"""What an engine returns for an OfferQuery: one shape whichever engine answered.

    results.hits            list of Hit: .offer (a JobOffer loaded with JobOffer.objects.for_listing(),
                            open at the time of the search), .title_html and .excerpt_html (safe HTML,
                            matched words wrapped in <mark>; plain escaped text without a search)
    results.total           number of matching open offers
    results.page            the page shown (1-based, already resolved: past the last → the last)
    results.page_count      number of pages (at least 1; never more than MAX_PAGE)
    results.page_obj        a django.core.paginator.Page for {% pagination %} (home/templatetags/shell_tags.py)
    results.facets          list of Facet in display order (the département facet only once a région
                            or a département is selected); results.facet("region") gets one by name
    results.notices         French sentences: what was ignored in the URL
    results.suggestion      a corrected spelling of the text when it finds (almost) nothing, or ""
    results.relaxation      in the empty state, the filter whose removal brings back the most offers
    results.engine          "database" or "elasticsearch": who answered (after a fallback: database)

A Facet has .name (the GET parameter), .label (French), .values (list of FacetValue with .value,
.label, .count, .selected; ordered by count, selected values kept even at zero),
.selected_values and .total_without_selection (how many offers the search would give if this
facet's selection were removed: what the "Effacer" link of the facet leads to).
"""

import math
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from .query import FACET_LABELS, MAX_PAGE, PAGE_SIZE, OfferQuery


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    values: list
    total_without_selection: int = 0

    @property
    def label(self):
        return FACET_LABELS[self.name]

    @property
    def selected_values(self):
        return [value for value in self.values if value.selected]

    @property
    def has_selection(self):
        return any(value.selected for value in self.values)


@dataclass
class Hit:
    """`title_html` and `excerpt_html` are SafeStrings: escaped text with <mark> around matched words."""

    offer: object
    title_html: str
    excerpt_html: str


@dataclass
class Relaxation:
    """Removing this filter would bring `total` offers back (see OfferQuery.without)."""

    name: str
    label: str
    total: int


@dataclass
class OfferResults:
    query: OfferQuery
    hits: list
    total: int
    page: int
    facets: list = field(default_factory=list)
    suggestion: str = ""
    relaxation: Relaxation | None = None
    engine: str = "database"

    @property
    def page_count(self):
        return page_count(self.total)

    @property
    def notices(self):
        return list(self.query.notices)

    def facet(self, name):
        return next((facet for facet in self.facets if facet.name == name), None)

    @cached_property
    def page_obj(self):
        paginator = Paginator(_Sized(min(self.total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
        return Page(self.hits, self.page, paginator)


class _Sized:
    """Stands for the whole result list in a Paginator: only its length is ever read."""

    def __init__(self, length):
        self.length = length

    def __len__(self):
        return self.length

    def count(self):
        return self.length


def page_count(total):
    return min(max(math.ceil(total / PAGE_SIZE), 1), MAX_PAGE)


def resolve_page(page, total):
    """A page past the last is the last page."""
    return min(max(page, 1), page_count(total))


def order_facet_values(values):
    """By count (most first), then label; selected values are never dropped."""
    return sorted(values, key=lambda value: (-value.count, value.label.casefold(), value.value))
