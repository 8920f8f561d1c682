"""Password rules: 12 characters, not common (French list and Django's, decorated variants too), not
close to the person's own name or address."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def refused(password, user=None):
    with pytest.raises(ValidationError) as caught:
        validate_password(password, user)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    "password",
    [
        "motdepasse123",
        "Motdepasse2026!",
        "azerty123456",
        "4zerty123456",
        "soleil2024!!!",
        "Marseille13013",
        "jetaime123456",
    ],
)
def test_common_passwords_are_refused_even_decorated(password):
    assert "trop courant" in refused(password)


def test_short_passwords_are_refused():
    assert "12 caractères" in refused("Zk8#qLp2")


@pytest.mark.django_db
def test_a_password_close_to_the_person_is_refused():
    user = get_user_model()(
        username="camille.durand", first_name="Camille", last_name="Durand", email="camille.durand@example.gouv.fr"
    )
    assert refused("camille.durand1", user)


@pytest.mark.parametrize("password", ["cheval agrafe batterie correcte", "Le-café-du-matin-à-Rennes", "9tq!Vb2#xLm7pR"])
def test_long_uncommon_passwords_pass(password):
    validate_password(password)
