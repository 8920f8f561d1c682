from django import forms
from dsfr.forms import DsfrBaseForm

from metnum_site.email_fields import email_address_field, normalised_email

from .models import Frequency


class AlertRequestForm(DsfrBaseForm):
    email = email_address_field()
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
