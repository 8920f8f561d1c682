"""The GET filter forms of the index pages. They work without JavaScript, and a value that is not
offered (an old link, a typo) is simply ignored: the page shows everything rather than an error."""

from django import forms
from dsfr.forms import DsfrBaseForm
from taggit.models import Tag

from jobs.models import Institution, Profession


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
        """Choices are the tags, institutions and professions of `stories`: a filter never leads nowhere."""
        choices = {
            "tag": Tag.objects.filter(editorial_storypagetag_items__content_object__in=stories)
            .distinct()
            .order_by("name")
            .values_list("slug", "name"),
            "institution": Institution.objects.filter(stories__in=stories)
            .distinct()
            .order_by("name")
            .values_list("slug", "name"),
            "metier": Profession.objects.filter(stories__in=stories)
            .distinct()
            .order_by("name")
            .values_list("slug", "name"),
        }
        super().__init__(data, {name: list(values) for name, values in choices.items()})

    def filter(self, stories):
        lookups = {"tag": "tags__slug", "institution": "person_institution__slug", "metier": "person_profession__slug"}
        return stories.filter(**{lookups[name]: value for name, value in self.selected.items()})
