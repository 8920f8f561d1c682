"""Helpers of the API tests."""

import json

from django.urls import reverse


def get_json(client, name_or_url, params=None, status=200, **headers):
    url = reverse(name_or_url) if not name_or_url.startswith("/") and "://" not in name_or_url else name_or_url
    response = client.get(url, params or {}, headers=headers)
    assert response.status_code == status, (url, params, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def walk(client, params=None, **headers):
    """Every page of /api/v1/offres/ for `params`, following the « suivant » links: (pages, offers)."""
    pages = [get_json(client, "api:offers", params, **headers)]
    while pages[-1]["suivant"]:
        assert len(pages) < 1000
        pages.append(get_json(client, pages[-1]["suivant"].removeprefix("http://testserver"), **headers))
    return pages, [offer for page in pages for offer in page["resultats"]]
