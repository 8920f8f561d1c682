import io

import pytest
from django.core.management import call_command


def pytest_collection_modifyitems(config, items):
    """Browser tests load the demo site once and keep it for the session: run them last so that
    the data they commit never leaks into the transactional tests."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path).replace("\\", "/"))


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, inside the test's transaction."""
    call_command("load_demo_content", stdout=io.StringIO())
    from home.models import HomePage

    return HomePage.objects.get()
