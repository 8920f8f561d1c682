"""The Elasticsearch index of open offers: client, mapping and analysis, documents, and lifecycle.

Names: the alias `<ELASTICSEARCH_INDEX_PREFIX>-offres` always points at one versioned index
`<prefix>-offres-<UTC timestamp>`. `rebuild()` fills a new versioned index from
JobOffer.objects.open(), swaps the alias in one atomic call, then deletes the old index, so searches
never see a half-built index.

Analysis (French):
    french_index   standard → elision → lowercase → asciifolding → one form (search.text.FORM_RULES,
                   as pattern_replace filters) → light_french stemmer → stop words
    french_search  the same, with a synonym_graph filter (search.SynonymGroup) after the stemmer
    french_exact   standard → elision → lowercase → asciifolding (title.exact: the exact-phrase boost)
Order, and why: stemming comes before the synonyms so that "développeurs" triggers the rule of
"développeur" (rules are analysed by the filters before the synonym filter, so they are stemmed the
same way); the stop filter comes last because Lucene refuses a multi-word rule whose analysis leaves
holes ("responsable de la sécurité…"). The stop words are those of search/text.py, already folded,
so that both engines drop the same words. Multi-word synonyms match all their words, not a phrase
(auto_generate_synonyms_phrase_query is off in the engine's queries), as in the database engine.

Synonyms are search-time only: `update_synonyms()` (manage.py search_index synonyms) closes the
index, replaces the filter's rules with the file's, and reopens it. No document is reindexed.
"""

import contextlib
import logging
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Date, Document, GeoPoint, Integer, Keyword, SearchAsYouType, Text

from jobs.models import JobOffer
from metnum_site.rich_text import plain_text

from .synonyms import load_synonyms
from .text import ELISION_PREFIXES, FORM_RULES, STOP_WORDS, elasticsearch_synonyms

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
ADMIN_TIMEOUT = 120  # seconds, for rebuild, sync and settings updates
DOCUMENT_TIMEOUT = 10  # seconds, for the upsert or delete of one offer by a background task


@lru_cache(maxsize=4)
def client_for(url, timeout):
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client():
    """The client for settings.ELASTICSEARCH_URL: settings.ELASTICSEARCH_TIMEOUT (0.3 s), no retry (the
    fallback takes over)."""
    return client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)


def alias_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-offres"


def new_index_name():
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


# Mapping ------------------------------------------------------------------------------------------


def french_text(**kwargs):
    return Text(analyzer="french_index", search_analyzer="french_search", **kwargs)


class OfferDocument(Document):
    """One open offer. Text fields are plain text (rich text stripped); keyword fields hold the
    codes of the URL contract (search/query.py) so that facet values are what the URL carries."""

    title = french_text(
        copy_to=["headline", "core", "all_text"],
        fields={
            "exact": Text(analyzer="french_exact"),
            "keyword": Keyword(normalizer="folding"),
            "sayt": SearchAsYouType(analyzer="french_exact"),
            "spelling": Text(analyzer="spelling"),
        },
    )
    skills = french_text(copy_to=["headline", "core", "all_text"], fields={"keyword": Keyword()})
    # The three ranks of search/ranking.py: headline ⊂ core ⊂ all_text.
    headline = french_text()  # title and skills
    core = french_text()  # and missions, profile, métier
    all_text = french_text()  # everything searchable: what a search must match
    missions = french_text(copy_to=["core", "all_text"])
    profile = french_text(copy_to=["core", "all_text"])
    profession_name = french_text(copy_to=["core", "all_text"])
    team_context = french_text(copy_to="all_text")
    team = french_text(copy_to="all_text")
    reference = Text(analyzer="french_exact", copy_to="all_text")
    institution_name = french_text(copy_to="all_text")
    search_terms = french_text(copy_to="all_text")
    slug = Keyword(index=False)
    institution = Keyword()
    profession = Keyword()
    contracts = Keyword()
    category = Keyword()
    experience = Keyword()
    region = Keyword()
    departement = Keyword()
    remote = Keyword()
    salary_min = Integer()
    salary_max = Integer()
    salary = Integer()  # the maximum, or the minimum when there is no maximum: the salary filter and sort
    first_published_at = Date()
    deadline = Date(format="yyyy-MM-dd")
    location = GeoPoint()  # the commune's point, for "autour de"


FORM_FILTERS = [f"french_form_{number}" for number in range(1, len(FORM_RULES) + 1)]


def analysis(rules=None):
    rules = load_synonyms() if rules is None else rules
    return {
        "filter": {
            "french_elision": {"type": "elision", "articles_case": True, "articles": sorted(ELISION_PREFIXES)},
            "french_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
            "french_stemmer": {"type": "stemmer", "language": "light_french"},
            "french_synonyms": {"type": "synonym_graph", "lenient": True, "synonyms": elasticsearch_synonyms(rules)},
            **{
                name: {"type": "pattern_replace", "pattern": pattern, "replacement": replacement}
                for name, (pattern, replacement) in zip(FORM_FILTERS, FORM_RULES, strict=True)
            },
        },
        "analyzer": {
            "french_index": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "french_elision",
                    "lowercase",
                    "asciifolding",
                    *FORM_FILTERS,
                    "french_stemmer",
                    "french_stop",
                ],
            },
            "french_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "french_elision",
                    "lowercase",
                    "asciifolding",
                    *FORM_FILTERS,
                    "french_stemmer",
                    "french_synonyms",
                    "french_stop",
                ],
            },
            "french_exact": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["french_elision", "lowercase", "asciifolding"],
            },
            "spelling": {"type": "custom", "tokenizer": "standard", "filter": ["french_elision", "lowercase"]},
        },
        "normalizer": {"folding": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
    }


def index_body(rules=None):
    """settings and mappings of a new offer index."""
    return {
        "settings": {"number_of_shards": 1, "max_result_window": 10_000, "analysis": analysis(rules)},
        "mappings": OfferDocument._doc_type.mapping.to_dict(),
    }


# Documents ----------------------------------------------------------------------------------------


def offers_to_index():
    """The open offers with everything a document needs, in a fixed number of queries."""
    return (
        JobOffer.objects.open()
        .select_related("institution", "profession")
        .prefetch_related("contract_types", "skills")
        .order_by("pk")
    )


def offer_source(offer):
    institution = offer.institution
    salary = offer.salary_max or offer.salary_min
    return {
        "title": offer.title,
        "slug": offer.slug,
        "skills": [tag.name for tag in offer.skills.all()],
        "missions": plain_text(offer.missions),
        "profile": plain_text(offer.profile),
        "profession_name": offer.profession.name if offer.profession else "",
        "team_context": plain_text(offer.team_context),
        "team": offer.team,
        "reference": offer.reference,
        "search_terms": offer.search_terms,
        "institution_name": f"{institution.name} {institution.acronym}".strip(),
        "institution": institution.slug,
        "profession": offer.profession.slug if offer.profession else None,
        "contracts": sorted(contract.code for contract in offer.contract_types.all()),
        "category": offer.category or None,
        "experience": offer.experience_level,
        "region": offer.region_code,
        "departement": offer.departement_code,
        "remote": offer.remote,
        "salary_min": offer.salary_min,
        "salary_max": offer.salary_max,
        "salary": salary,
        "first_published_at": offer.first_published_at.isoformat() if offer.first_published_at else None,
        "deadline": offer.deadline.isoformat(),
        "location": {"lat": offer.latitude, "lon": offer.longitude} if offer.latitude is not None else None,
    }


def bulk_actions(index, offers):
    for offer in offers:
        yield {"_op_type": "index", "_index": index, "_id": str(offer.pk), "_source": offer_source(offer)}


def _chunks(queryset, size=BULK_CHUNK):
    """Iterate a queryset by primary key ranges, prefetching each chunk (iterator() would not)."""
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:size])
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].pk


# Lifecycle ----------------------------------------------------------------------------------------


def current_indices(client):
    try:
        return sorted(client.indices.get_alias(name=alias_name()).body)
    except NotFoundError:
        return []


def admin(client):
    """The same client with a timeout fit for bulk loads and index operations: the short timeout of the
    search requests is for candidates, who would rather get the database engine than wait."""
    return client.options(request_timeout=ADMIN_TIMEOUT)


def rebuild(client):
    """New versioned index, bulk load of the open offers, atomic alias swap, old indices deleted.
    Returns (new index name, documents loaded, old indices deleted)."""
    client = admin(client)
    name = new_index_name()
    client.indices.create(index=name, **index_body())
    loaded, _ = helpers.bulk(client, bulk_actions(name, _chunks(offers_to_index())), chunk_size=BULK_CHUNK)
    client.indices.refresh(index=name)
    old = current_indices(client)
    # An index (not an alias) under the alias name, from a manual setup, would block the alias.
    if not old and client.indices.exists(index=alias_name()):
        client.indices.delete(index=alias_name())
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index)
    return name, loaded, old


def indexed_ids(client):
    hits = helpers.scan(client, index=alias_name(), query={"query": {"match_all": {}}}, _source=False)
    return {int(hit["_id"]) for hit in hits}


def status(client):
    """{alias, indices, documents, open_offers, missing, extra} (missing/extra: offer ids)."""
    client = admin(client)
    indices = current_indices(client)
    open_ids = set(JobOffer.objects.open().values_list("pk", flat=True))
    ids = indexed_ids(client) if indices else set()
    return {
        "alias": alias_name(),
        "indices": indices,
        "documents": len(ids),
        "open_offers": len(open_ids),
        "missing": sorted(open_ids - ids),
        "extra": sorted(ids - open_ids),
    }


def sync(client):
    """Reconcile the index with JobOffer.objects.open(): index the missing offers, delete the others
    (closed, unpublished, deleted: deadlines that passed since the last run end up here).
    Returns (indexed, deleted)."""
    client = admin(client)
    if not current_indices(client):
        _, loaded, _ = rebuild(client)
        return loaded, 0
    report = status(client)
    missing = offers_to_index().filter(pk__in=report["missing"])
    indexed, _ = helpers.bulk(client, bulk_actions(alias_name(), _chunks(missing)), chunk_size=BULK_CHUNK)
    deletions = ({"_op_type": "delete", "_index": alias_name(), "_id": str(pk)} for pk in report["extra"])
    deleted, _ = helpers.bulk(client, deletions, raise_on_error=False)
    client.indices.refresh(index=alias_name())
    return indexed, deleted


def upsert_or_delete(client, pk):
    """Index the offer when it is open, delete its document otherwise (idempotent)."""
    client = client.options(request_timeout=DOCUMENT_TIMEOUT)
    offer = offers_to_index().filter(pk=pk).first()
    if offer is not None:
        # require_alias: never let Elasticsearch create a stray index when no rebuild has run yet.
        client.index(index=alias_name(), id=str(pk), document=offer_source(offer), require_alias=True)
        return "indexed"
    with contextlib.suppress(NotFoundError):
        client.delete(index=alias_name(), id=str(pk))
    return "deleted"


def upsert_or_delete_many(client, pks):
    """`upsert_or_delete` for many offers in bulk requests. Returns (indexed, deleted)."""
    client = admin(client)
    indexed = deleted = 0
    for start in range(0, len(pks), BULK_CHUNK):
        chunk = set(pks[start : start + BULK_CHUNK])
        offers = list(offers_to_index().filter(pk__in=chunk))
        closed = chunk - {offer.pk for offer in offers}
        actions = list(bulk_actions(alias_name(), offers))
        actions += [{"_op_type": "delete", "_index": alias_name(), "_id": str(pk)} for pk in sorted(closed)]
        # Deleting a document that is not there is not an error: the offer was never open.
        done, _ = helpers.bulk(client, actions, raise_on_error=False, require_alias=True)
        indexed, deleted = indexed + len(offers), deleted + done - len(offers)
    return indexed, deleted


def update_synonyms(client, rules=None):
    """Replace the synonyms of the search analyzer with the current rules, without reindexing.
    The index is closed for the update (a fraction of a second: searches meanwhile fall back to the
    database engine)."""
    client = admin(client)
    settings_body = {"analysis": {"filter": {"french_synonyms": analysis(rules)["filter"]["french_synonyms"]}}}
    indices = current_indices(client)
    for index in indices:
        client.indices.close(index=index)
        try:
            client.indices.put_settings(index=index, settings=settings_body)
        finally:
            client.indices.open(index=index)
    return indices


def delete_all(client):
    client = admin(client)
    for index in current_indices(client):
        client.indices.delete(index=index)
