from django import forms
from dsfr.forms import DsfrBaseForm

from .models import Frequency


def normalised_email(value):
    """One spelling per address: trimmed and in lower case (what the rate limits count, what is stored)."""
    return value.strip().lower()


class AlertRequestForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        help_text="Format attendu : nom@domaine.fr",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n'est pas valide. Format attendu : nom@domaine.fr",
        },
    )
    frequency = forms.ChoiceField(
        label="Fréquence des e-mails",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une fréquence.", "invalid_choice": "Choisissez une fréquence."},
    )

    def clean_email(self):
        return normalised_email(self.cleaned_data["email"])


class FrequencyForm(DsfrBaseForm):
    frequency = forms.ChoiceField(label="Fréquence", choices=Frequency.choices)
