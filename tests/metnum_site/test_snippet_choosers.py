"""Wagtail's snippet choosers can create a snippet in a modal, with a creation form that none of our
snippets has: every chooser's "create" URL, read from the URLconf, answers 404, never a server error
(metnum_site/snippets.py)."""

import pytest

from tests.editorial.admin_urls import admin_patterns

pytestmark = pytest.mark.django_db


def chooser_create_urls():
    return [
        pattern.url({})
        for pattern in admin_patterns()
        if (pattern.name or "").startswith("wagtailsnippetchoosers_") and pattern.name.endswith(":create")
    ]


def test_every_snippet_chooser_refuses_to_create_with_a_404(admin_client):
    urls = chooser_create_urls()
    assert "/admin/snippets/choose/search/synonymgroup/create/" in urls and len(urls) >= 10

    answers = {url: (admin_client.get(url).status_code, admin_client.post(url, {}).status_code) for url in urls}

    assert answers == dict.fromkeys(urls, (404, 404))
