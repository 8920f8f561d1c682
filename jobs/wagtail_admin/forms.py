from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminModelForm

from metnum_site.slugs import unique_slug

from ..permissions import manages_all_offers, user_institutions
from ..rules import PUBLICATION_ONLY, SALARY_MAX, SALARY_MIN

SALARY_RANGE_MESSAGE = f"Indiquez un salaire annuel brut entre {SALARY_MIN:_} et {SALARY_MAX:_} €.".replace(
    "_", "\u202f"
)

# Contract types are required to publish only (OFFER_EDIT_HANDLER defers them for drafts).
CONTRACT_TYPES_MESSAGE = "Pour publier, cochez au moins un type de contrat."


class JobOfferForm(WagtailAdminModelForm):
    """The admin form of an offer: model validation, which includes the cross-field rules
    (JobOffer.clean()).

    The employer is chosen among the user's institutions only; an editor of a single institution
    gets it preset and cannot change it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("salary_min", "salary_max"):
            if name in self.fields:
                self.fields[name].error_messages.update(min_value=SALARY_RANGE_MESSAGE, max_value=SALARY_RANGE_MESSAGE)
        if "contract_types" in self.fields:
            self.fields["contract_types"].error_messages["required"] = CONTRACT_TYPES_MESSAGE
        if "institution" in self.fields and self.for_user is not None and not manages_all_offers(self.for_user):
            self.limit_institutions(self.fields["institution"], list(user_institutions(self.for_user)))

    def clean(self):
        """A required rich text that Draftail leaves with an empty paragraph (what an emptied editor
        posts) is empty: refused like a blank field, when the field is required (to publish)."""
        cleaned_data = super().clean()
        for name in ("missions",):
            field = self.fields.get(name)
            value = cleaned_data.get(name)
            if field is not None and field.required and value and not strip_tags(value).strip():
                self.add_error(name, ValidationError(field.error_messages["required"], code="required"))
        return cleaned_data

    def limit_institutions(self, field, institutions):
        field.queryset = field.queryset.filter(pk__in=[institution.pk for institution in institutions])
        if len(institutions) == 1:
            field.initial = institutions[0].pk
            field.disabled = True
            field.empty_label = None
            field.help_text = "L'employeur qui recrute : votre institution."

    def _update_errors(self, errors):
        """JobOffer.clean()'s errors go under their field when the form shows it and the field has no
        error yet (its own message is clearer), and above the form when it does not show it.

        Saving a draft (Wagtail defers the required fields then) drops the rules that only block a
        publication: a draft may wait for its application address."""
        if hasattr(errors, "error_dict"):
            shown = {}
            for field, messages in errors.error_dict.items():
                if field in self.errors and field != NON_FIELD_ERRORS:
                    continue
                if self.is_deferred_validation:
                    messages = [message for message in messages if message.code != PUBLICATION_ONLY]
                    if not messages:
                        continue
                target = field if field in self.fields else NON_FIELD_ERRORS
                shown.setdefault(target, []).extend(messages)
            errors = ValidationError(shown)
        super()._update_errors(errors)


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
