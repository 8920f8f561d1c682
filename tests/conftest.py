import io

import pytest
from django.core.management import call_command
from django.test.utils import override_settings


def pytest_collection_modifyitems(config, items):
    """Browser tests load the demo site once and keep it for the session: run them last so that
    the data they commit never leaks into the transactional tests."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path).replace("\\", "/"))


@pytest.fixture(scope="session", autouse=True)
def temporary_media_root(tmp_path_factory):
    """Images the tests upload or generate (the demo illustrations) go to a folder pytest cleans up."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, inside the test's transaction."""
    call_command("load_demo_content", stdout=io.StringIO())
    from home.models import HomePage

    return HomePage.objects.get()
