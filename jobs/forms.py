from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from .rules import offer_errors


class JobOfferForm(WagtailAdminModelForm):
    """The admin form of an offer: model validation plus the cross-field rules in rules.py."""

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
