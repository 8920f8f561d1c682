import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from tests.processes import migrated_sqlite, shared_database  # noqa: F401 (fixtures for real processes)


def pytest_collection_modifyitems(config, items):
    """Browser tests load the demo site once and keep it for the session: run them last so that
    the data they commit never leaks into the transactional tests. The tests on the demo site run
    just before them, one after another, so that the demo content is loaded once for all of them
    (demo_content)."""
    items.sort(
        key=lambda item: ("tests/browser/" in str(item.path).replace("\\", "/"), "demo_content" in item.fixturenames)
    )


@pytest.fixture(scope="session", autouse=True)
def temporary_media_root(tmp_path_factory):
    """Images the tests upload or generate (the demo illustrations), and candidates' CVs (the demo's too),
    go to folders pytest cleans up."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private")
    ):
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """Wagtail caches site root paths and image renditions by id; ids come back after a rollback."""
    for cache in caches.all():
        cache.clear()


class LoadedDemo:
    """The demo site as `make run` builds it, loaded once (it takes seconds) inside a transaction that
    stays open while the tests on the demo site run one after another, and is rolled back before the
    first test that does not ask for it (pytest_runtest_setup). Each test still runs in its own nested
    transaction, and a module's own fixtures in theirs: what they change is undone before the next one."""

    opened = None  # (database unblocker, transaction) while the demo content is loaded

    @classmethod
    def open(cls, django_db_blocker):
        if cls.opened is None:
            unblocker, loaded = django_db_blocker.unblock(), transaction.atomic()
            unblocker.__enter__()
            loaded.__enter__()
            cls.opened = (unblocker, loaded)
            try:
                call_command("load_demo_content", stdout=io.StringIO())
            except BaseException:
                cls.close()  # the next module tries again, rather than run in a broken transaction
                raise

    @classmethod
    def close(cls):
        if cls.opened is not None:
            unblocker, loaded = cls.opened
            cls.opened = None
            transaction.set_rollback(True)
            loaded.__exit__(None, None, None)
            unblocker.__exit__(None, None, None)


# Module scope: set up before any test's own transaction, so that the demo's encloses it.
@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    LoadedDemo.open(django_db_blocker)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if "demo_content" not in item.fixturenames:
        LoadedDemo.close()


def pytest_sessionfinish(session):
    LoadedDemo.close()


@pytest.fixture
def demo_site(demo_content, db):
    """The home page of the demo site."""
    from home.models import HomePage

    return HomePage.objects.get()
