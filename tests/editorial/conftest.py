import pytest


@pytest.fixture
def editorial_site(demo_site):
    """The demo site: employer pages for the demo employers, stories and guides."""
    return demo_site
