import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from tests.processes import migrated_sqlite, shared_database  # noqa: F401 (fixtures for real processes)


def pytest_collection_modifyitems(config, items):
    """Browser tests load the demo site once and keep it for the session: run them last so that
    the data they commit never leaks into the transactional tests."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path).replace("\\", "/"))


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


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site as `make run` builds it, loaded once per test module (it takes seconds) inside a
    transaction that is rolled back when the module's tests are done. Each test still runs in its
    own nested transaction: what a test changes is undone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_content, db):
    """The home page of the demo site."""
    from home.models import HomePage

    return HomePage.objects.get()
