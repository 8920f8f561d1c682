import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def temporary_private_media_root(tmp_path):
    """Candidates' CVs (candidates/storage.py) go to a fresh folder per test: a test can tell what is stored."""
    with override_settings(PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        yield
