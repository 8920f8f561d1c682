import pytest
from django.test.utils import override_settings


@pytest.fixture
def editorial_site(demo_site):
    """The demo site: employer pages for the demo employers, stories and guides."""
    return demo_site


@pytest.fixture(scope="module")
def module_private_media_root(tmp_path_factory):
    """CVs that last as long as a module's world (tests/editorial/test_admin_isolation.py), in a private
    folder of their own."""
    with override_settings(PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private")):
        yield
