"""The recruiters' forms: filters of the applications, the decision, a note, the talent pool's search
and the message to a candidate."""

from django import forms
from django.db.models import Q

from candidates.models import ApplicationStatus, RefusalReason, region_choices
from jobs.models import ContractType, JobOffer, Profession

MESSAGE_MAX_LENGTH = 3000


class ApplicationFilterForm(forms.Form):
    institution = forms.ModelChoiceField(queryset=None, required=False, label="Institution", empty_label="Toutes")
    offer = forms.ModelChoiceField(queryset=None, required=False, label="Offre", empty_label="Toutes")
    status = forms.ChoiceField(required=False, label="Statut", choices=[("", "Tous"), *ApplicationStatus.choices])

    def __init__(self, *args, institutions, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["offer"].queryset = (
            JobOffer.objects.filter(pk__in=applications.values("offer_id"))
            .select_related("institution")
            .order_by("title")
        )
        self.fields["offer"].label_from_instance = lambda offer: f"{offer.title} ({offer.institution.short_name})"

    def filter(self, applications):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("institution"):
            applications = applications.filter(offer__institution=data["institution"])
        if data.get("offer"):
            applications = applications.filter(offer=data["offer"])
        if data.get("status"):
            applications = applications.filter(status=data["status"])
        return applications


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label="Statut", choices=ApplicationStatus.choices, widget=forms.RadioSelect)
    refusal_reasons = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Motifs de refus",
        help_text="Obligatoires pour une candidature non retenue ; plusieurs motifs possibles. "
        "Ils figurent dans l'e-mail envoyé à la personne candidate.",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        # The active reasons, and those already given even if withdrawn from the list since.
        self.fields["refusal_reasons"].queryset = RefusalReason.objects.filter(
            Q(active=True) | Q(pk__in=application.refusal_reasons.values("pk"))
        )

    def clean(self):
        data = super().clean()
        if data.get("status") == ApplicationStatus.REJECTED:
            if not data.get("refusal_reasons"):
                self.add_error("refusal_reasons", "Choisissez au moins un motif pour une candidature non retenue.")
        else:
            data["refusal_reasons"] = []
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Nouvelle note",
        help_text="Visible par l'équipe de recrutement de l'institution. La personne candidate la retrouve dans "
        "l'archive de ses données (droit d'accès) : écrivez-la comme si elle devait la lire.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PoolSearchForm(forms.Form):
    institution = forms.ModelChoiceField(
        queryset=None,
        label="Rechercher pour l'institution",
        empty_label=None,
        help_text="Le vivier tel que cette institution le voit : sans les personnes qui se masquent à elle.",
    )
    domain = forms.ModelChoiceField(
        queryset=Profession.objects.order_by("name"), required=False, label="Domaine", empty_label="Tous"
    )
    region = forms.ChoiceField(required=False, label="Région")
    contract_type = forms.ModelChoiceField(
        queryset=ContractType.objects.all(), required=False, label="Type de contrat", empty_label="Tous"
    )
    min_experience = forms.IntegerField(
        required=False, min_value=0, max_value=60, label="Années d'expérience, au moins"
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["region"].choices = [("", "Toutes"), *region_choices()]

    def search(self, pool):
        data = self.cleaned_data
        if data.get("domain"):
            pool = pool.filter(domains=data["domain"])
        if data.get("region"):
            pool = pool.filter(region=data["region"])
        if data.get("contract_type"):
            pool = pool.filter(contract_types=data["contract_type"])
        if data.get("min_experience") is not None:
            pool = pool.filter(years_of_experience__gte=data["min_experience"])
        return pool.distinct()


class ContactForm(forms.Form):
    institution = forms.ModelChoiceField(queryset=None, label="Au nom de l'institution", empty_label=None)
    message = forms.CharField(
        label="Votre message",
        help_text="La personne le reçoit par e-mail de la part de Métiers du numérique, avec le nom de "
        "l'institution, et décide de vous répondre ; son adresse ne vous est connue que si elle répond.",
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
