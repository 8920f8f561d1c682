"""The client's address behind the HTTPS proxy, for every limit that counts by client: sign-in
lockouts (django-axes), the API's rate limit, the alert requests' limit."""

import pytest
from axes.helpers import get_client_ip_address
from django.contrib.auth import get_user_model
from django.urls import reverse

from metnum_site.client_address import client_address


def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # A client may write anything at the left of X-Forwarded-For; the proxy appends what it saw.
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"
    assert get_client_ip_address(request) == "198.51.100.7"  # what django-axes counts by

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.1"  # no proxy: the header is the client's own words


def test_behind_two_proxies_and_with_a_short_header(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 10.0.0.1")
    assert client_address(request) == "198.51.100.7"
    # Fewer entries than proxies (a request that did not cross them all): the peer's address.
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")) == "10.0.0.2"
    # More proxies declared than there are: what a client wrote is no address, the peer's is used.
    tampered = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="<script>, 198.51.100.7")
    assert client_address(tampered) == "10.0.0.2"


@pytest.mark.django_db
def test_a_locked_out_address_behind_the_proxy_does_not_lock_out_its_neighbours(client, settings):
    """Every request reaches the site from the proxy's address: sign-in lockouts must fall on the
    client that failed, not on everybody behind the same proxy."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("agent", "agent@example.gouv.fr", "un mot de passe assez long")
    login = reverse("wagtailadmin_login")

    def attempt(address, password):
        return client.post(
            login,
            {"username": "agent", "password": password},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(3):
        attempt("203.0.113.66", "mauvais mot de passe")
    assert attempt("203.0.113.66", "un mot de passe assez long").status_code == 429

    settings.AXES_LOCKOUT_PARAMETERS = ["ip_address"]  # the address alone, not the account
    assert attempt("198.51.100.7", "un mot de passe assez long").status_code == 302
