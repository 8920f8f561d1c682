"""One owner for the search indexes: whatever path an offer change takes (the admin's buttons, code
publishing a revision, an import, scheduled publishing and expiry, a deletion), each offer is written
once to Wagtail's database index and once to Elasticsearch, after the change; a save that touches no
indexed field (a lock, a revision's bookkeeping) writes nothing.

The writes are counted where they happen: the database backend's write methods, wrapped so that
they record the offers they write and still write them, and the document writes a local
Elasticsearch double receives (single requests and bulk actions)."""

import datetime
import json
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from modelsearch.backends import get_search_backend

from jobs.importer import import_offers
from jobs.models import JobOffer
from metnum_site.upstream import index_entry_model
from search import es
from search import indexing as search_indexing
from search.models import PendingIndexWrite
from tests.factories import JobOfferFactory
from tests.jobs.admin_helpers import form_data, new_offer_data, offer_url
from tests.jobs.conftest import institutions, offer_row  # noqa: F401  (fixtures)

from .es_server import loopback_elasticsearch

ALIAS_TARGET = "metnum-test-offres-1"


class IndexWrites:
    """The offers written to each index, with how many times."""

    def __init__(self, cluster, committing):
        self.cluster = cluster
        self.database = Counter()
        self.committing = committing  # the change, then what runs once its transaction commits

    def record(self, pks):
        self.database.update(pks)

    def elasticsearch(self):
        written = Counter()
        for _method, path, body in self.cluster.requests:
            if "/_doc/" in path:
                written[int(path.rsplit("/", 1)[-1])] += 1
            elif path == "/_bulk":
                for line in (body.decode() if isinstance(body, bytes) else body).splitlines():
                    action = json.loads(line)
                    verb = next(iter(action)) if len(action) == 1 else None
                    if verb in ("index", "create", "update", "delete") and "_index" in action[verb]:
                        written[int(action[verb]["_id"])] += 1
        return written

    def clear(self):
        self.database.clear()
        self.cluster.requests.clear()

    def per_offer(self):
        """{offer pk: (database writes, Elasticsearch writes)}"""
        elasticsearch = self.elasticsearch()
        return {pk: (self.database[pk], elasticsearch[pk]) for pk in set(self.database) | set(elasticsearch)}


@pytest.fixture
def writes(db, settings, monkeypatch, django_capture_on_commit_callbacks):
    backend_class = type(get_search_backend())
    original_add, original_add_bulk = backend_class.add, backend_class.add_bulk
    original_drop = search_indexing.drop_entries

    with loopback_elasticsearch() as cluster:
        settings.ELASTICSEARCH_URL = cluster.url
        cluster.aliases[es.alias_name()] = ALIAS_TARGET
        cluster.indices[ALIAS_TARGET] = set()
        counted = IndexWrites(cluster, lambda: django_capture_on_commit_callbacks(execute=True))

        def add(self, obj):
            if isinstance(obj, JobOffer):
                counted.record([obj.pk])
            return original_add(self, obj)

        def add_bulk(self, model, objs):
            if model is JobOffer:
                counted.record([obj.pk for obj in objs])
            return original_add_bulk(self, model, objs)

        def drop_entries(pks):
            counted.record(pks)
            return original_drop(pks)

        monkeypatch.setattr(backend_class, "add", add)
        monkeypatch.setattr(backend_class, "add_bulk", add_bulk)
        monkeypatch.setattr(search_indexing, "drop_entries", drop_entries)
        yield counted


@pytest.fixture
def admin(client, db):
    user = get_user_model().objects.create_superuser("admin-index", password="mot-de-passe-de-test")
    client.force_login(user)
    return client


def once(offer):
    return {offer.pk: (1, 1)}


def test_code_publishing_a_revision_writes_each_index_once(writes):
    offer = JobOfferFactory(title="Développeuse Rust", skill_names=("Tokio", "Axum", "SQL"))
    writes.clear()

    with writes.committing():
        offer.save_revision().publish()

    assert writes.per_offer() == once(offer)
    assert str(offer.pk) in writes.cluster.indices[ALIAS_TARGET]


def test_the_admin_creating_and_publishing_an_offer_writes_each_index_once(writes, admin):
    data = new_offer_data(admin, **{"action-publish": "action-publish"})
    with writes.committing():
        response = admin.post(offer_url("add"), data)

    offer = JobOffer.objects.get(title="Développeuse ou développeur Django")
    assert response.status_code == 302 and offer.live
    assert writes.per_offer() == once(offer)


def test_the_admin_saving_a_draft_then_publishing_it_writes_each_index_once_per_click(writes, admin):
    offer = JobOfferFactory(title="Administratrice systèmes", skill_names=("Linux",))
    writes.clear()
    data = form_data(admin.get(offer_url("edit", offer.pk)))
    data["title"] = "Administratrice ou administrateur systèmes"

    with writes.committing():
        admin.post(offer_url("edit", offer.pk), data)
    assert writes.per_offer() == {offer.pk: (1, 1)}  # the draft, for the admin's own search

    writes.clear()
    with writes.committing():
        admin.post(offer_url("edit", offer.pk), {**data, "action-publish": "action-publish"})
    offer.refresh_from_db()
    assert offer.live and offer.title == "Administratrice ou administrateur systèmes"
    assert writes.per_offer() == once(offer)


def test_unpublishing_and_deleting_write_each_index_once(writes, admin):
    offer = JobOfferFactory(published=True)
    writes.clear()

    with writes.committing():
        admin.post(offer_url("unpublish", offer.pk))
    offer.refresh_from_db()
    assert not offer.live
    assert writes.per_offer() == once(offer)

    writes.clear()
    pk = offer.pk
    with writes.committing():
        offer.delete()
    assert writes.per_offer() == {pk: (1, 1)}
    assert not search_indexing.index_entries().filter(object_id=str(pk)).exists()


def test_a_save_that_changes_nothing_indexed_writes_nothing(writes):
    offer = JobOfferFactory(published=True)
    writes.clear()

    with writes.committing():
        offer.locked = True
        offer.save(update_fields=["locked"])
        offer.save_revision()  # a draft of a live offer: the indexes keep the published version

    assert writes.per_offer() == {}


def test_scheduled_publishing_and_expiry_write_each_index_once(writes):
    scheduled = JobOfferFactory(title="Cheffe de projet")
    revision = scheduled.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    expiring = JobOfferFactory(published=True, title="Designer")
    JobOffer.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    writes.clear()

    with writes.committing():
        call_command("publish_scheduled")

    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert scheduled.live and scheduled.live_revision == revision and not expiring.live
    assert writes.per_offer() == {**once(scheduled), **once(expiring)}


def test_an_import_writes_each_offer_once_to_each_index(writes, offer_row):  # noqa: F811
    rows = [dict(offer_row, external_id=f"OFFRE-{number}", title=f"Géomaticienne {number}") for number in range(12)]

    with writes.committing():
        result = import_offers(rows, "csp")

    assert result.created == 12
    assert writes.per_offer() == dict.fromkeys(JobOffer.objects.values_list("pk", flat=True), (1, 1))


def test_deleting_an_offer_leaves_no_reference_to_or_from_it(db):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    offer = JobOfferFactory(published=True)
    offer_type = ContentType.objects.get_for_model(JobOffer)
    pk = str(offer.pk)
    assert ReferenceIndex.objects.filter(base_content_type=offer_type, object_id=pk).exists()

    offer.delete()

    assert not ReferenceIndex.objects.filter(base_content_type=offer_type, object_id=pk).exists()
    assert not ReferenceIndex.objects.filter(to_content_type=offer_type, to_object_id=pk).exists()


def test_a_save_of_any_other_field_alone_is_written(writes):
    offer = JobOfferFactory(published=True)
    writes.clear()

    with writes.committing():
        offer.salary_min = 48000
        offer.save(update_fields=["salary_min"])  # not a Wagtail search field, but an Elasticsearch one

    assert writes.per_offer() == once(offer)


def test_an_offer_written_to_the_index_leaves_no_pending_row_and_an_older_write_keeps_a_newer_row(
    db, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        offer = JobOfferFactory()
        offer.title = "Intitulé modifié"
        offer.save()
    assert not PendingIndexWrite.objects.exists()

    search_indexing.mark_pending([offer.pk])
    older = search_indexing.marked_tokens([offer.pk])
    search_indexing.mark_pending([offer.pk])  # a newer change, by another process for instance
    search_indexing.clear_pending(older)
    assert PendingIndexWrite.objects.filter(offer_id=offer.pk).exists()

    search_indexing.sync_offer(offer.pk)  # reads the row's token before the offer
    assert not PendingIndexWrite.objects.exists()


def test_postgresql_writes_each_index_entry_once_with_wagtails_title_norm(db):
    """Wagtail's indexer writes title_norm = 1.0, then updates every such row to the average title
    length over the row's own: each entry written twice, and an index table twice the size for every
    text search to read. Ours writes each entry once, with the norm Wagtail would have given it."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL seulement (l'index SQLite de Wagtail n'a pas ce défaut)")
    table = index_entry_model()._meta.db_table
    offers = [
        JobOfferFactory(title=title)
        for title in ("Développeur", "Cheffe de projet numérique", "Administratrice systèmes et réseaux")
    ]

    def norms():
        """{object_id: (title_norm, Wagtail's norm against the table as it is now)}."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT AVG(length(title)) FROM {table} WHERE length(title) > 0")
            (average,) = cursor.fetchone()
            cursor.execute(
                f"SELECT object_id, title_norm, length(title) FROM {table} "
                "WHERE content_type_id = %s AND object_id = ANY(%s)",
                [ContentType.objects.get_for_model(JobOffer).pk, [str(offer.pk) for offer in offers]],
            )
            return {object_id: (norm, float(average) / length) for object_id, norm, length in cursor.fetchall()}

    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add_bulk(JobOffer, offers)
        written = norms()
        offers[0].title = "Développeuse ou développeur Python, Django et PostgreSQL"
        get_search_backend().add_bulk(JobOffer, offers[:1])  # rewritten: its norm follows its new title
        rewritten = norms()

    assert not [query["sql"] for query in queries if query["sql"].lstrip().startswith(f'UPDATE "{table}"')]
    assert len(written) == 3 and len({norm for norm, _ in written.values()}) > 1  # one per title length
    for norm, expected in written.values():
        assert norm == pytest.approx(expected)
    first, *others = [str(offer.pk) for offer in offers]
    assert rewritten[first][0] == pytest.approx(rewritten[first][1]) != written[first][0]
    assert all(rewritten[pk][0] == written[pk][0] for pk in others)  # like Wagtail: older rows keep theirs
