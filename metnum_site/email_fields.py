"""The email address field of the public forms (alerts, candidates' sign-in) and the one spelling of
an address they store and count: trimmed and in lower case."""

from django import forms


def normalised_email(value):
    return value.strip().lower()


def email_address_field():
    return forms.EmailField(
        label="Votre adresse e-mail",
        help_text="Format attendu : nom@domaine.fr",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n'est pas valide. Format attendu : nom@domaine.fr",
        },
    )
