"""The GET filter forms of the index pages. They work without JavaScript, and a value that is not
offered (an old link, a typo) is simply ignored: the page shows everything rather than an error."""

import unicodedata

from django import forms
from dsfr.forms import DsfrBaseForm


def alphabetical(label):
    """Sort key that puts « Écologie » among the E, as a French reader expects."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()


class ChoiceFilterForm(DsfrBaseForm):
    """A form of optional choice fields whose choices come from the data; unknown values are dropped."""

    empty_labels = {}

    def __init__(self, data, choices):
        self.labels = {name: dict(field_choices) for name, field_choices in choices.items()}
        self.selected = {name: data.get(name) for name in choices if data.get(name) in self.labels[name]}
        super().__init__(self.selected)
        for name, field_choices in choices.items():
            self.fields[name].choices = [("", self.empty_labels[name]), *field_choices]
        self.is_valid()

    def active_filters(self, query):
        """[{"label", "remove_url"}] for each filter in use, with the link that removes it (and the page number)."""
        filters = []
        for name, value in self.selected.items():
            remaining = query.copy()
            remaining.pop(name, None)
            remaining.pop("page", None)
            filters.append(
                {
                    "label": f"{self.fields[name].label} : {self.labels[name][value]}",
                    "remove_url": f"?{remaining.urlencode()}" if remaining else "?",
                }
            )
        return filters


class InstitutionFilterForm(ChoiceFilterForm):
    type = forms.ChoiceField(label="Type d'employeur", required=False)

    empty_labels = {"type": "Tous les types"}

    def __init__(self, data, kinds):
        super().__init__(data, {"type": kinds})


class StoryFilterForm(ChoiceFilterForm):
    tag = forms.ChoiceField(label="Thème", required=False)
    institution = forms.ChoiceField(label="Employeur", required=False)
    metier = forms.ChoiceField(label="Métier", required=False)

    empty_labels = {"tag": "Tous les thèmes", "institution": "Tous les employeurs", "metier": "Tous les métiers"}

    def __init__(self, data, stories):
        """Choices are the tags, institutions and professions of `stories` (read in one query): a filter
        never leads to an empty page."""
        columns = {
            "tag": ("tagged_items__tag__slug", "tagged_items__tag__name"),
            "institution": ("person_institution__slug", "person_institution__name"),
            "metier": ("person_profession__slug", "person_profession__name"),
        }
        rows = stories.values(*[column for pair in columns.values() for column in pair]).distinct()
        choices = {}
        for name, (slug_column, label_column) in columns.items():
            found = {row[slug_column]: row[label_column] for row in rows if row[slug_column]}
            choices[name] = sorted(found.items(), key=lambda choice: alphabetical(choice[1]))
        super().__init__(data, choices)

    def filter(self, stories):
        lookups = {"tag": "tags__slug", "institution": "person_institution__slug", "metier": "person_profession__slug"}
        return stories.filter(**{lookups[name]: value for name, value in self.selected.items()})
