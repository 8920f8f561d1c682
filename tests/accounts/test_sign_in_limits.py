"""Failed sign-ins lock the account and, separately, the address: 10 failures in 15 minutes, for
15 minutes, the right password included; a command unlocks."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db
PASSWORD = "une phrase de passe assez longue"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("redactrice", "redactrice@example.gouv.fr", PASSWORD, is_staff=True)


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="192.0.2.10"):
    """`times` failed sign-ins: the form again each time, and the lock page at the tenth."""
    for attempt in range(1, times + 1):
        expected = 429 if attempt == 10 else 200
        assert sign_in(client, username, "mauvais mot de passe", address).status_code == expected


def test_ten_failures_lock_the_account_even_with_the_right_password(client, editor):
    fail(client, "redactrice", 9)
    assert sign_in(client, "redactrice", PASSWORD).status_code == 302  # nine failures: still open

    client.logout()
    fail(client, "redactrice", 10)
    response = sign_in(client, "redactrice", PASSWORD)

    assert response.status_code == 429
    text = response.content.decode()
    assert "Connexion bloquée" in text and "15 minutes" in text and "même avec le bon mot de passe" in text
    assert "_auth_user_id" not in client.session


def test_the_lock_follows_the_account_from_another_address(client, editor):
    fail(client, "redactrice", 10, address="192.0.2.10")
    assert sign_in(client, "redactrice", PASSWORD, address="198.51.100.7").status_code == 429


def test_an_address_that_tries_many_accounts_is_locked_for_all(client, editor):
    for number in range(10):
        sign_in(client, f"inconnu{number}", "mauvais mot de passe", "203.0.113.5")
    assert sign_in(client, "redactrice", PASSWORD, "203.0.113.5").status_code == 429
    assert sign_in(client, "redactrice", PASSWORD, "203.0.113.6").status_code == 302


def test_the_unlock_command_opens_the_account_again(client, editor):
    fail(client, "redactrice", 10)
    out = io.StringIO()

    call_command("debloquer_compte", "redactrice", "--ip", "192.0.2.10", stdout=out)

    assert "Débloqué" in out.getvalue()
    assert sign_in(client, "redactrice", PASSWORD).status_code == 302


def test_the_unlock_command_without_target_explains_itself():
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("debloquer_compte", stderr=err)
    assert "Indiquez un identifiant" in err.getvalue()
