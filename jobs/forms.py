from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from metnum_site.slugs import unique_slug

from .permissions import manages_all_offers, user_institutions
from .rules import SALARY_MAX, SALARY_MIN, offer_errors

SALARY_RANGE_MESSAGE = f"Indiquez un salaire annuel brut entre {SALARY_MIN:_} et {SALARY_MAX:_} €.".replace(
    "_", "\u202f"
)


class JobOfferForm(WagtailAdminModelForm):
    """The admin form of an offer: model validation plus the cross-field rules in rules.py.

    The employer is chosen among the user's institutions only; an editor of a single institution
    gets it preset and cannot change it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("salary_min", "salary_max"):
            if name in self.fields:
                self.fields[name].error_messages.update(min_value=SALARY_RANGE_MESSAGE, max_value=SALARY_RANGE_MESSAGE)
        if "institution" in self.fields and self.for_user is not None and not manages_all_offers(self.for_user):
            self.limit_institutions(self.fields["institution"], list(user_institutions(self.for_user)))

    def limit_institutions(self, field, institutions):
        field.queryset = field.queryset.filter(pk__in=[institution.pk for institution in institutions])
        if len(institutions) == 1:
            field.initial = institutions[0].pk
            field.disabled = True
            field.empty_label = None
            field.help_text = "L'employeur qui recrute : votre institution."

    def clean(self):
        cleaned_data = super().clean()
        values = dict(cleaned_data, publication_date=self.publication_date(cleaned_data))
        for field, message in offer_errors(values).items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
            elif field not in self.fields:
                self.add_error(None, message)
        return cleaned_data

    def publication_date(self, cleaned_data):
        """When the offer is (or will be) first shown: scheduled go-live, first publication, or today."""
        go_live_at = cleaned_data.get("go_live_at")
        if go_live_at:
            return timezone.localdate(go_live_at)
        if self.instance.first_published_at:
            return timezone.localdate(self.instance.first_published_at)
        return timezone.localdate()


class SlugFromNameForm(WagtailAdminModelForm):
    """For taxonomies (institutions, métiers): a blank slug is derived from the name, made unique."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and cleaned_data.get("name"):
            cleaned_data["slug"] = self.unique_slug(cleaned_data["name"])
        return cleaned_data

    def unique_slug(self, name):
        max_length = self._meta.model._meta.get_field("slug").max_length
        others = self._meta.model.objects.exclude(pk=self.instance.pk)
        return unique_slug(others, name, max_length=max_length, fallback="sans-nom")
