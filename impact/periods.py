"""The period of a report (« du … au … », jj/mm/aaaa) and the month of a note (mm/aaaa), read from the
query string: a wrong value gets a French message and the default period, never an error page."""

import datetime

from django import forms
from django.utils import timezone

DEFAULT_DAYS = 30
LONGEST_PERIOD_DAYS = 366
DATE_FORMAT = "%d/%m/%Y"
MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def month_label(first_day):
    return f"{MONTH_NAMES[first_day.month - 1]} {first_day.year}"


class PeriodForm(forms.Form):
    du = forms.DateField(
        label="Du",
        input_formats=[DATE_FORMAT],
        help_text="Format attendu : jj/mm/aaaa, par exemple 01/11/2026.",
        error_messages={"invalid": "Saisissez la date de début au format jj/mm/aaaa, par exemple 01/11/2026."},
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"autocomplete": "off"}),
    )
    au = forms.DateField(
        label="Au",
        input_formats=[DATE_FORMAT],
        help_text="Format attendu : jj/mm/aaaa, par exemple 30/11/2026.",
        error_messages={"invalid": "Saisissez la date de fin au format jj/mm/aaaa, par exemple 30/11/2026."},
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"autocomplete": "off"}),
    )

    def __init__(self, data=None, **kwargs):
        data = data if data is not None and ("du" in data or "au" in data) else None
        today = timezone.localdate()
        initial = {"du": today - datetime.timedelta(days=DEFAULT_DAYS - 1), "au": today}
        super().__init__(data, initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end:
            if start > end:
                self.add_error("au", "La date de fin doit être postérieure ou égale à la date de début.")
            elif (end - start).days >= LONGEST_PERIOD_DAYS:
                self.add_error("au", f"Choisissez une période de {LONGEST_PERIOD_DAYS} jours au plus.")
        return cleaned

    def period(self):
        """(first day, last day): the valid dates asked for, or the last 30 days."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["du"], self.cleaned_data["au"]
        return self.initial["du"], self.initial["au"]


def last_full_month(today=None):
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


class MonthForm(forms.Form):
    mois = forms.CharField(
        label="Mois",
        max_length=7,
        help_text="Format attendu : mm/aaaa, par exemple 11/2026.",
    )

    def __init__(self, data=None, **kwargs):
        data = data if data is not None and "mois" in data else None
        super().__init__(data, initial={"mois": last_full_month().strftime("%m/%Y")}, **kwargs)

    def clean_mois(self):
        value = self.cleaned_data["mois"].strip()
        try:
            first_day = datetime.datetime.strptime(value, "%m/%Y").date()
        except ValueError:
            raise forms.ValidationError("Saisissez le mois au format mm/aaaa, par exemple 11/2026.") from None
        if first_day > timezone.localdate() or first_day.year < 2000:
            raise forms.ValidationError("Choisissez un mois passé ou le mois en cours.")
        return first_day

    def month(self):
        """The first day of the month asked for, or of the last full month."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["mois"]
        return last_full_month()
