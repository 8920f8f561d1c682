"""The Elasticsearch engine: one request per search, built by OfferFacetedSearch (elasticsearch.dsl).

- Text: every word (or one of its synonyms, from the search analyzer) must appear in `all_text`
  (a filter: no BM25); the score is search/ranking.py's, as on the database engine: per clause, a
  constant score for the best of headline (title, skills), core (and missions, profile, métier) and
  all_text, plus a bonus for an exact phrase of the title (title.exact). Equal scores: newest first.
- Facets: keyword fields, every TermsFacet sized to hold all values; the selections go in
  `post_filter`, and each facet's aggregation is filtered by the other facets' selections
  (FacetedSearch's disjunctive model). Salary, recency and open-ness (deadline not passed, Paris
  time) are query filters: they narrow hits and counts alike.
- Highlighting of title and missions / profile with <mark>, HTML-encoded by Elasticsearch (and sanitised
  again by metnum_site.rich_text.marked_fragment: only <mark> survives).
- Paging: from/size, never past max_result_window (10 000).
- A phrase suggester on title.spelling proposes a spelling for the empty state.
- The feeds' request (NewestOffersSearch) keeps the text and filters and drops the rest: no
  aggregation, highlight, suggester or exact total.

Hits are loaded from the database with JobOffer.objects.open(), so an offer closed since it was
indexed is never shown even before the index catches up.
"""

from dataclasses import replace

from django.utils import timezone
from django.utils.html import escape
from elasticsearch.dsl import FacetedSearch, Q, TermsFacet

from jobs.models import JobOffer
from metnum_site.rich_text import marked_fragment, plain_text

from .. import es
from ..query import (
    CODE_LABELS,
    FACET_FIELDS,
    FACET_NAMES,
    PAGE_SIZE,
    SORT_DATE,
    SORT_DEADLINE,
    SORT_RELEVANCE,
    SORT_SALARY,
    departement_labels,
    region_labels,
)
from ..ranking import MAX_SCORED_CLAUSES, PHRASE_IN_TITLE_BONUS, WEIGHT_CONTEXT, WEIGHT_CORE, WEIGHT_TITLE
from ..results import Facet, FacetValue, Hit, OfferResults, Relaxation, order_facet_values, resolve_page
from ..synonyms import synonyms_for
from ..text import excerpt, parse_text
from . import MAX_SIZE, Engine
from .database import Taxonomies, database_autocomplete


def clause_score(typed):
    """The weight of one clause: its best rank among headline, core and all_text."""
    words = {"query": typed, "operator": "and", "auto_generate_synonyms_phrase_query": False}
    return Q(
        "dis_max",
        queries=[
            Q("constant_score", filter=Q("match", **{field: words}), boost=weight)
            for field, weight in (("headline", WEIGHT_TITLE), ("core", WEIGHT_CORE), ("all_text", WEIGHT_CONTEXT))
        ],
    )


def facet_sizes(taxonomies):
    """Terms aggregation sizes that hold every possible value (Elasticsearch's default is 10)."""
    return {
        "institution": max(len(taxonomies.institutions), 1),
        "metier": max(len(taxonomies.professions), 1),
        "contrat": len(CODE_LABELS["contrat"]),
        "categorie": len(CODE_LABELS["categorie"]),
        "experience": len(CODE_LABELS["experience"]),
        "region": len(region_labels()),
        "departement": len(departement_labels()),
        "teletravail": len(CODE_LABELS["teletravail"]),
    }


class OfferFacetedSearch(FacetedSearch):
    doc_types = []

    def __init__(self, offer_query, taxonomies, using=None, today=None):
        self.offer_query = offer_query
        self.index = es.alias_name()
        self.using = using or "default"
        self.today = today or timezone.localdate()
        sizes = facet_sizes(taxonomies)
        names = [name for name in FACET_NAMES if name != "departement" or offer_query.show_departements]
        self.facets = {name: TermsFacet(field=FACET_FIELDS[name], size=sizes[name]) for name in names}
        # A text of stop words only ("le") searches nothing, as on the database engine.
        text = offer_query.text if parse_text(offer_query.text, rules=()) else None
        super().__init__(text, filters=dict(offer_query.filters))
        self.on_page(offer_query.page)

    def search(self):
        search = super().search().extra(track_total_hits=True)
        query = self.offer_query
        search = search.filter("range", deadline={"gte": self.today.isoformat()})
        if query.salary_min is not None:
            search = search.filter("range", salary={"gte": query.salary_min})
        if query.published_within is not None:
            search = search.filter("range", first_published_at={"gte": f"now-{query.published_within}d"})
        if query.published_until is not None:
            search = search.filter("range", first_published_at={"lte": query.published_until.isoformat()})
        if query.near is not None:
            # "plane": the flat-map distance the database engine computes (search/engines/database.py).
            point = {"lat": query.near.latitude, "lon": query.near.longitude}
            search = search.filter(
                "geo_distance", distance=f"{query.radius_km}km", distance_type="plane", location=point
            )
        return search.source(False)

    def query(self, search, text):
        """Every word (or a synonym) somewhere, then the score of search/ranking.py: each clause
        weighs by the best rank it appears in (a dis_max of constant scores), plus the phrase bonus."""
        if not text:
            return search
        words = {"query": text, "operator": "and", "auto_generate_synonyms_phrase_query": False}
        clauses = parse_text(text, synonyms_for(text)).scored[:MAX_SCORED_CLAUSES]
        return search.query(
            Q(
                "bool",
                filter=[Q("match", all_text=words)],
                should=[
                    *(clause_score(clause.alternatives[0].text) for clause in clauses),
                    Q(
                        "constant_score",
                        filter=Q("match_phrase", **{"title.exact": {"query": text}}),
                        boost=PHRASE_IN_TITLE_BONUS,
                    ),
                ],
            )
        )

    def highlight(self, search):
        return (
            search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", number_of_fragments=1)
            .highlight("title", number_of_fragments=0)
            .highlight("missions", "profile", fragment_size=220)
        )

    def sort(self, search):
        sort = self.offer_query.sort
        if sort == SORT_RELEVANCE and self._query:
            order = ["_score"]
        elif sort == SORT_DEADLINE:
            order = [{"deadline": "asc"}]
        elif sort == SORT_SALARY:
            order = [{"salary": {"order": "desc", "missing": "_last"}}]
        else:
            order = []
        return search.sort(*order, {"first_published_at": {"order": "desc", "missing": "_last"}}, "_doc")

    def build_search(self):
        search = self.highlight(super().build_search()) if self._query else super().build_search()
        if self._query:
            search = search.suggest(
                "spelling",
                self._query,
                phrase={
                    "field": "title.spelling",
                    "size": 1,
                    "max_errors": 2,
                    "direct_generator": [{"field": "title.spelling", "suggest_mode": "popular"}],
                },
            )
        return search

    def on_page(self, page, size=PAGE_SIZE):
        self._s = self._s.extra(from_=(page - 1) * PAGE_SIZE, size=size)
        return self

    def request_body(self):
        return self._s.to_dict()


class NewestOffersSearch(OfferFacetedSearch):
    """The newest offers of a query: its text and filters, newest first, without aggregations,
    highlights, spelling or an exact total (the feeds)."""

    def __init__(self, offer_query, taxonomies, size, using=None, among=None):
        self.among = None if among is None else [str(pk) for pk in among]
        super().__init__(replace(offer_query, requested_sort=SORT_DATE, page=1), taxonomies, using=using)
        self.on_page(1, size=min(size, MAX_SIZE))

    def search(self):
        search = super().search().extra(track_total_hits=False)
        return search if self.among is None else search.filter("ids", values=self.among)

    def aggregate(self, search):
        pass

    def build_search(self):
        return FacetedSearch.build_search(self)


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, client=None):
        self.client = client

    def get_client(self):
        return self.client or es.get_client()

    def faceted_search(self, query, taxonomies=None, page=None):
        search = OfferFacetedSearch(query, taxonomies or Taxonomies(), using=self.get_client())
        return search.on_page(page) if page else search

    def search(self, query, size=None):
        taxonomies = Taxonomies()
        if size:
            query = query.on_page(1)
            search = self.faceted_search(query, taxonomies).on_page(1, size=min(size, MAX_SIZE))
            return parse_response(query, search.execute().to_dict(), taxonomies)
        response = self.faceted_search(query, taxonomies).execute().to_dict()
        total = response["hits"]["total"]["value"]
        page = resolve_page(query.page, total)
        if page != query.page:  # past the last page: ask again for the last one
            response = self.faceted_search(query, taxonomies, page).execute().to_dict()
        results = parse_response(query, response, taxonomies)
        if results.total == 0 and query.has_filters:
            results.relaxation = self.relaxation(query, results.facets, taxonomies)
        return results

    def relaxation(self, query, facets, taxonomies):
        candidates = [
            Relaxation(facet.name, facet.label, facet.total_without_selection)
            for facet in facets
            if facet.has_selection and facet.total_without_selection
        ]
        for name, label, is_set in (
            ("salaire_min", "Salaire minimum", query.salary_min is not None),
            ("publiee", "Date de publication", query.published_within is not None),
            ("autour", "Autour de", query.near is not None),
        ):
            if is_set:
                body = OfferFacetedSearch(query.without(name), taxonomies).request_body()
                count_body = {"query": {"bool": {"filter": [body.get("query", {"match_all": {}})]}}}
                if "post_filter" in body:
                    count_body["query"]["bool"]["filter"].append(body["post_filter"])
                count = self.get_client().count(index=es.alias_name(), **count_body)["count"]
                if count:
                    candidates.append(Relaxation(name, label, count))
        return max(candidates, key=lambda candidate: candidate.total, default=None)

    def newest(self, query, size, among=None):
        search = NewestOffersSearch(query, Taxonomies(), size, using=self.get_client(), among=among)
        ids = [int(hit["_id"]) for hit in search.execute().to_dict()["hits"]["hits"]]
        offers = JobOffer.objects.open().for_listing().in_bulk(ids)
        return [offers[pk] for pk in ids if pk in offers]

    def autocomplete(self, text, limit=8):
        return database_autocomplete(text, limit, offer_titles=self.offer_titles)

    def offer_titles(self, text, limit):
        body = {
            "size": limit,
            "_source": False,
            "query": {
                "bool": {
                    "must": {
                        "multi_match": {
                            "query": text,
                            "type": "bool_prefix",
                            "fields": ["title.sayt", "title.sayt._2gram", "title.sayt._3gram"],
                        }
                    },
                    "filter": {"range": {"deadline": {"gte": timezone.localdate().isoformat()}}},
                }
            },
        }
        response = self.get_client().search(index=es.alias_name(), **body)
        ids = [int(hit["_id"]) for hit in response["hits"]["hits"]]
        offers = JobOffer.objects.open().in_bulk(ids)
        return [offers[pk] for pk in ids if pk in offers]


def parse_response(query, response, taxonomies):
    """OfferResults from the JSON of an Elasticsearch 8 search response."""
    hits = response["hits"]["hits"]
    ids = [int(hit["_id"]) for hit in hits]
    offers = JobOffer.objects.open().filter(pk__in=ids).for_listing().in_bulk()
    total = response["hits"]["total"]["value"]
    results = []
    for hit in hits:
        offer = offers.get(int(hit["_id"]))
        if offer is None:  # closed since it was indexed: the next sync removes it
            continue
        highlight = hit.get("highlight", {})
        title = highlight.get("title", [None])[0]
        fragment = (highlight.get("missions") or highlight.get("profile") or [None])[0]
        results.append(
            Hit(
                offer=offer,
                title_html=marked_fragment(title) if title else escape(offer.title),
                excerpt_html=marked_fragment(fragment) if fragment else excerpt(plain_text(offer.missions), set()),
            )
        )
    suggestion = ""
    for entry in response.get("suggest", {}).get("spelling", []):
        options = entry.get("options", [])
        if options and options[0]["text"].casefold() != query.text.casefold():
            suggestion = options[0]["text"]
    return OfferResults(
        query=query,
        hits=results,
        total=total,
        page=resolve_page(query.page, total),
        facets=parse_facets(query, response.get("aggregations", {}), taxonomies, total),
        suggestion=suggestion,
        engine=ElasticsearchEngine.name,
    )


def parse_facets(query, aggregations, taxonomies, total):
    labels = {
        **CODE_LABELS,
        "region": region_labels(),
        "departement": departement_labels(),
        "institution": dict(taxonomies.institutions.values()),
        "metier": dict(taxonomies.professions.values()),
    }
    facets = []
    for name in FACET_NAMES:
        wrapper = aggregations.get(f"_filter_{name}")
        if wrapper is None:
            continue
        values = {}
        for bucket in wrapper[name]["buckets"]:
            value = str(bucket["key"])
            if value in labels[name]:
                values[value] = FacetValue(
                    value, labels[name][value], bucket["doc_count"], value in query.selected(name)
                )
        for value in query.selected(name):
            values.setdefault(value, FacetValue(value, labels[name].get(value, value), 0, True))
        facets.append(Facet(name, order_facet_values(values.values()), wrapper.get("doc_count", total)))
    return facets
