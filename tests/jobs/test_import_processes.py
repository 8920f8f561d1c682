"""Imports as separate processes on a real database: one import at a time per source, imports of
different sources side by side, and an import killed with kill -9 in the middle of its updates."""

import time

import pytest
from django.db import connection

from tests.jobs.importing import many_rows, write_csv
from tests.processes import kill, wait_for_line

# Declared here, not only in shared_database: pytest-django sets up the databases that the collected
# tests declare, and these commit (PostgreSQL), so the flush after each must put back the reference
# data of the migrations (professions, contract types).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IMPORT_RUNNING = 3


@pytest.fixture(scope="module", autouse=True)
def reference_data_back(django_db_blocker):
    """The flush after each of these tests empties the test database, and serialized_rollback puts
    the migrations' data back only before the next test that asks: put it back for the tests that
    run after this module too (the browser tests' demo site needs Wagtail's root page)."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


HOLD_LOCK = """
import time
from jobs.import_lock import source_lock
with source_lock("csp"):
    print("verrouillé", flush=True)
    time.sleep(600)
"""


def test_a_second_import_of_a_source_is_refused_and_a_killed_import_leaves_no_lock(shared_database, tmp_path):
    path = tmp_path / "offres.csv"
    write_csv(path, many_rows(3))
    holder = shared_database.start("shell", "-c", HOLD_LOCK)
    try:
        wait_for_line(holder, "verrouillé")

        status, out, err = shared_database.manage("import_offers", str(path), "--source", "csp")
        assert status == IMPORT_RUNNING, err
        assert "Une importation de la source « csp » est déjà en cours : celle-ci est refusée" in err
        assert "Traceback" not in err and "créées" not in out

        status, out, err = shared_database.manage("import_offers", str(path), "--source", "autre")
        assert status == 0, err
        assert "créées : 3" in out

        status, out, err = shared_database.manage("import_offers", str(path), "--source", "csp", "--dry-run")
        assert status == 0, err  # a dry run writes nothing: it may run beside the import
    finally:
        kill(holder)  # like a crash: the lock must not outlive the process

    status, out, err = shared_database.manage("import_offers", str(path), "--source", "csp")
    assert status == 0, err
    assert "créées : 3" in out


def test_imports_of_two_sources_at_once_both_finish(shared_database, tmp_path):
    rows = many_rows(150)
    files = {}
    for source in ("premier", "second"):
        files[source] = [tmp_path / f"{source}.csv", tmp_path / f"{source}-v2.csv"]
        write_csv(files[source][0], rows)
        # The second run updates every offer, each in a transaction of its own.
        write_csv(files[source][1], [dict(row, title=f"{row['title']} (v2)") for row in rows])

    for run in (0, 1):
        processes = [
            shared_database.start("import_offers", str(paths[run]), "--source", source)
            for source, paths in files.items()
        ]
        outcomes = [(process.wait(timeout=600), *process.communicate()) for process in processes]

        for status, out, err in outcomes:
            assert "Traceback" not in err
            assert status == 0, err
            assert "rejetées : 0" in out

    counts = shared_database.python(
        "from jobs.models import JobOffer; "
        "print(JobOffer.objects.filter(source='premier').count(), JobOffer.objects.filter(source='second').count())"
    )
    assert counts.split() == ["150", "150"]


KILLED_IMPORT_SEARCH = """
from django.http import QueryDict
from jobs.models import JobOffer
from search.engines import get_engine
from search.query import OfferQuery
found = get_engine().search(OfferQuery.from_querydict(QueryDict("q=zephyrin"))).total
print(found, JobOffer.objects.open().filter(title__contains="Zéphyrin").count())
"""


def test_an_import_killed_during_its_updates_shows_as_drift_and_sync_repairs_the_index(shared_database, tmp_path):
    rows = many_rows(200)
    first, second = tmp_path / "offres.csv", tmp_path / "offres-v2.csv"
    write_csv(first, rows)
    write_csv(second, [dict(row, title=f"{row['title']} Zéphyrin") for row in rows])
    status, _, err = shared_database.manage("import_offers", str(first), "--source", "csp")
    assert status == 0, err

    def renamed():
        return shared_database.scalar("SELECT count(*) FROM jobs_joboffer WHERE title LIKE ?", ("%Zéphyrin%",))

    process = shared_database.start("import_offers", str(second), "--source", "csp")
    deadline = time.monotonic() + 120
    while renamed() < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    kill(process)
    updated = renamed()
    # Killed in the middle of its updates, before the batch of 500 reached the index.
    assert 20 <= updated < len(rows), process.stderr.read()

    found, open_renamed = map(int, shared_database.python(KILLED_IMPORT_SEARCH).split())
    assert open_renamed > 0 and found < open_renamed  # the index is stale…
    status, out, err = shared_database.manage("search_index", "status")
    assert status == 0, err
    assert f", {updated} offres modifiées à réindexer" in out  # … and the status says so

    status, out, err = shared_database.manage("search_index", "sync")
    assert status == 0, err
    assert f"Offres modifiées pas encore réindexées : {updated} réindexées." in out
    found, open_renamed = map(int, shared_database.python(KILLED_IMPORT_SEARCH).split())
    assert found == open_renamed
    status, out, err = shared_database.manage("search_index", "status")
    assert "Écart : 0 offres sans entrée, 0 entrées d'offres supprimées, 0 offres modifiées à réindexer" in out
