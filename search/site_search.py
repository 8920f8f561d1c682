"""/recherche/: offers, stories, guides and employer pages ranked together.

Every result gets the score of search/ranking.py, computed the same way for a page and for an offer
from what the search index stores of it (search.index_texts.indexed_texts: title rank, core, context),
so that a guide named after the query ranks with the offers named after it, and a page that mentions
the query in passing ranks below both. Equal scores: the result whose title is most about the query
(the share of its title words that the query holds), then offers before pages, then the newest.

Pages are few (a few hundred): Wagtail's index finds those holding any word of the query, and each is
scored here. Offers come from the search engine in its own relevance order, at most MAX_OFFERS of
them; the offer count is the engine's total, and the "Offres" tab leads to /offres/ for the rest.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from wagtail.models import Page

from editorial.models import GuidePage, InstitutionPage, StoryPage
from metnum_site.rich_text import plain_text

from .engines import MAX_SIZE, get_engine
from .index_texts import indexed_texts
from .query import OfferQuery
from .ranking import score_texts
from .synonyms import synonyms_for
from .text import parse_text, tokens

MAX_OFFERS = MAX_SIZE
OFFERS = "offres"
# Tab parameter → (label, page type); offers first, as candidates mostly come for them.
TYPES = {
    OFFERS: ("Offres", None),
    "temoignages": ("Témoignages", StoryPage),
    "guides": ("Guides", GuidePage),
    "employeurs": ("Employeurs", InstitutionPage),
}
KIND_LABELS = {OFFERS: "Offre", "temoignages": "Témoignage", "guides": "Guide", "employeurs": "Employeur"}


@dataclass(frozen=True)
class SiteResult:
    kind: str  # a key of TYPES
    title: str
    url: str
    description: str
    score: int
    specificity: float  # share of the title's words that the query holds
    date: object = None

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    def order(self):
        return (-self.score, -self.specificity, self.kind != OFFERS, -(self.date.toordinal() if self.date else 0))


@dataclass
class SiteResults:
    results: list  # every result, best first
    counts: dict  # kind → how many match (offers: the engine's total)
    offers_total: int

    @property
    def total(self):
        return sum(self.counts.values())

    def of_kind(self, kind):
        return [result for result in self.results if result.kind == kind] if kind else self.results


def search_site(text):
    text_query = parse_text(text, synonyms_for(text))
    if not text_query:
        return SiteResults([], dict.fromkeys(TYPES, 0), 0)
    query_tokens = {token for clause in text_query.clauses for alt in clause.alternatives for token in alt.tokens}
    results, counts = [], dict.fromkeys(TYPES, 0)

    offers = get_engine().search(OfferQuery(text=text), size=MAX_OFFERS)
    prefetch_related_objects([hit.offer for hit in offers.hits], "skills")
    for hit in offers.hits:
        offer = hit.offer
        result = scored(
            OFFERS,
            offer,
            text_query,
            query_tokens,
            url=offer.get_absolute_url(),
            description=f"{offer.institution.name} – {offer.city}",
            date=offer.first_published_at.date() if offer.first_published_at else None,
        )
        # An offer the engine found always shows, even if the score cannot see why (Elasticsearch's
        # analysis differs a little from ours).
        results.append(result or SiteResult(OFFERS, offer.title, offer.get_absolute_url(), "", 0, 0.0))
    counts[OFFERS] = offers.total

    page_types = {kind: page_type for kind, (_, page_type) in TYPES.items() if page_type}
    candidates = Page.objects.live().public().type(*page_types.values())
    ids = [page.pk for page in candidates.only("pk").search(text, operator="or")]
    # One query per page type, the employer pages with their institution.
    pages = [
        (kind, page)
        for kind, page_type in page_types.items()
        for page in page_type.objects.filter(pk__in=ids).select_related(
            *(["institution"] if page_type is InstitutionPage else [])
        )
    ]
    for kind, page in pages:
        result = scored(
            kind,
            page,
            text_query,
            query_tokens,
            url=page.url,
            description=page.search_description or getattr(page, "intro", ""),
            date=published_day(page),
        )
        if result:
            results.append(result)
            counts[kind] += 1
    results.sort(key=SiteResult.order)
    return SiteResults(results, counts, offers.total)


def scored(kind, obj, text_query, query_tokens, url, description, date):
    title_text, core_text, context_text = offer_texts(obj) if kind == OFFERS else page_texts(obj)
    title = tokens(title_text)
    score = score_texts(text_query, title, tokens(core_text), tokens(context_text))
    if score is None:
        return None
    specificity = sum(token in query_tokens for token in title) / len(title) if title else 0.0
    return SiteResult(kind, obj.title, url, description, score, specificity, date)


def offer_texts(offer):
    """(title, core, context) as the offer index stores them."""
    texts = indexed_texts(offer)
    return texts.title_text, texts.core_text, texts.body_text


def page_texts(page):
    """(title, core, context) of a page: the title (and for an employer page, the employer's name and
    acronym); the introduction, the person's role and the search description; every text of the
    body. The body is read from its stored JSON: rendering its blocks would load every image and page
    they choose."""
    core = [getattr(page, "intro", ""), getattr(page, "person_role", ""), page.search_description]
    context = stored_strings(getattr(page, "body", None) and page.body.raw_data)
    title = [page.title]
    if isinstance(page, InstitutionPage):  # the page is the employer: its name and acronym are its title
        title += [page.institution.name, page.institution.acronym]
    return " ".join(filter(None, title)), " ".join(filter(None, core)), plain_text(" ".join(context))


def stored_strings(value):
    """The strings of a StreamField's stored JSON, block types and ids left out."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from stored_strings(item)
    elif isinstance(value, Iterable):  # lists, and Wagtail's view of the stored blocks
        for item in value:
            yield from stored_strings(item)


def published_day(page):
    moment = page.last_published_at or page.first_published_at
    return moment.date() if moment else None
