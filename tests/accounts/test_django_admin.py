"""Django's own admin is a development tool: production never routes /django-admin/."""

import importlib

import pytest
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


def reload_urls():
    import metnum_site.urls

    clear_url_caches()
    importlib.reload(metnum_site.urls)


@pytest.mark.parametrize(("enabled", "status"), [(False, 404), (True, 302)])
def test_django_admin_is_routed_only_when_enabled(client, settings, enabled, status):
    settings.DJANGO_ADMIN_ENABLED = enabled
    reload_urls()
    try:
        assert client.get("/django-admin/").status_code == status
    finally:
        settings.DJANGO_ADMIN_ENABLED = False
        reload_urls()


def test_production_settings_do_not_enable_it():
    import metnum_site.settings.base as base

    assert base.DJANGO_ADMIN_ENABLED is False
