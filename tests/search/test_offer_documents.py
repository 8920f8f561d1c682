"""PostgreSQL: the offers' search documents follow every write of an offer or of its index entry, by
whatever path (a save, a bulk update that sends no signal, a deletion, Wagtail's own index writes),
and a text search reads them."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from modelsearch import index as wagtail_index

from jobs.models import JobOffer
from search import indexing
from search.engines.database import DatabaseEngine
from search.models import OfferDocument
from search.query import OfferQuery
from tests.search.conftest import institution, offer, querydict

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="documents written by PostgreSQL triggers"),
]

# The offer's columns a document repeats, under the same names.
REPEATED = [
    field.attname for field in OfferDocument._meta.fields if field.name not in ("offer_id", "entry_id", "title", "text")
]


def search(**params):
    return DatabaseEngine().search(OfferQuery.from_querydict(querydict(params)))


def titles(**params):
    return sorted(hit.offer.title for hit in search(**params).hits)


def counts(facet, **params):
    return {value.value: value.count for value in search(**params).facet(facet).values if value.count}


def assert_documents_follow_the_offers():
    """One document per indexed offer, with the offer's columns and its entry's vectors."""
    entries = {int(entry.object_id): entry for entry in indexing.index_entries()}
    documents = {document.offer_id: document for document in OfferDocument.objects.all()}
    assert sorted(documents) == sorted(entries)
    for offer_id, document in documents.items():
        offer = JobOffer.objects.get(pk=offer_id)
        assert {name: getattr(document, name) for name in REPEATED} == {name: getattr(offer, name) for name in REPEATED}
        assert (document.entry_id, document.title) == (entries[offer_id].pk, entries[offer_id].title)
    assert indexing.documents_out_of_step() == ([], 0)  # the text vector too, compared in SQL


def test_a_text_search_follows_offer_changes_that_send_no_signal():
    offer("Architecte cloud", postal_code="69003", city="Lyon")
    filled = offer("Architecte réseau", postal_code="69003", city="Lyon")
    moved = offer("Architecte logiciel", postal_code="69003", city="Lyon")
    assert titles(q="architecte") == ["Architecte cloud", "Architecte logiciel", "Architecte réseau"]

    JobOffer.objects.filter(pk=filled.pk).update(filled_at=timezone.localdate())
    JobOffer.objects.filter(pk=moved.pk).update(region_code="11")

    assert titles(q="architecte") == ["Architecte cloud", "Architecte logiciel"]
    assert titles(q="architecte", region="11") == ["Architecte logiciel"]
    assert counts("region", q="architecte") == {"11": 1, "84": 1}
    assert_documents_follow_the_offers()


def test_a_deadline_passed_or_an_expiry_closes_the_offer_for_text_searches_too():
    today = timezone.localdate()
    offer("Analyste SOC")
    late = offer("Analyste de données")
    expired = offer("Analyste sécurité")
    JobOffer.objects.filter(pk=late.pk).update(deadline=today - timezone.timedelta(days=1))
    JobOffer.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))

    assert titles(q="analyste") == ["Analyste SOC"] == [offer.title for offer in JobOffer.objects.open()]
    assert_documents_follow_the_offers()


def test_saves_renames_and_deletions_reach_the_documents():
    dinum = institution("dinum")
    renamed = offer("Ingénieure DevOps", institution=dinum)
    gone = offer("Ingénieur DevOps", institution=dinum)
    assert titles(q="devops") == ["Ingénieur DevOps", "Ingénieure DevOps"]

    renamed.title = "Ingénieure Kubernetes"
    renamed.save()  # Wagtail's index entry is rewritten (search/signals.py), and the document with it
    gone.delete()

    assert titles(q="devops") == []
    assert titles(q="kubernetes", institution="dinum") == ["Ingénieure Kubernetes"]
    assert counts("institution", q="kubernetes") == {"dinum": 1}
    assert_documents_follow_the_offers()


def test_wagtails_own_index_writes_and_deletions_reach_the_documents():
    kept = offer("Product owner")
    dropped = offer("Product manager")

    indexing.drop_entries([dropped.pk])
    assert titles(q="product") == ["Product owner"]
    assert not OfferDocument.objects.filter(offer_id=dropped.pk).exists()

    wagtail_index.insert_or_update_object(dropped)
    wagtail_index.remove_object(kept)
    assert titles(q="product") == ["Product manager"]
    assert_documents_follow_the_offers()


def test_a_search_without_text_still_reads_the_offers():
    """Filters alone read JobOffer (its covering index): an offer whose entry is missing is still
    listed and counted, as before the documents."""
    listed = offer("Technicienne support", postal_code="69003", city="Lyon")
    indexing.drop_entries([listed.pk])

    assert titles(region="84") == ["Technicienne support"]
    assert titles(q="technicienne") == []


def status():
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    return out.getvalue()


def test_status_reports_documents_out_of_step_and_sync_rewrites_them(settings):
    """What the triggers guarantee, unless a load disabled them (pg_restore --disable-triggers)."""
    settings.ELASTICSEARCH_URL = ""
    changed = offer("Administratrice systèmes", postal_code="69003", city="Lyon")
    missing = offer("Administrateur systèmes", postal_code="69003", city="Lyon")
    offer("Administrateur réseaux", postal_code="69003", city="Lyon")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # triggers off, as in such a load
        JobOffer.objects.filter(pk=changed.pk).update(region_code="11")
        OfferDocument.objects.filter(pk=missing.pk).delete()
        stray = OfferDocument.objects.get(pk=changed.pk)
        stray.offer_id = 10**9
        stray.save(force_insert=True)
        cursor.execute("SET LOCAL session_replication_role = origin")
    assert titles(q="administrateur", region="11") == []
    assert "Documents de recherche de PostgreSQL à réécrire : 2 ; en trop : 1." in status()

    out = StringIO()
    call_command("search_index", "sync", stdout=out)

    assert "Documents de recherche de PostgreSQL réécrits : 2 ; retirés : 1." in out.getvalue()
    assert "Documents de recherche de PostgreSQL à réécrire : 0 ; en trop : 0." in status()
    assert titles(q="administrateur", region="11") == ["Administratrice systèmes"]
    assert len(search(q="administrateur").hits) == 3
    assert_documents_follow_the_offers()
