import os
import unicodedata

from django import forms
from django.conf import settings
from django.db import models
from dsfr.forms import DsfrBaseForm

from jobs.models import ContractType, Institution, Profession
from metnum_site.email_fields import email_address_field, normalised_email

from . import pdf
from .models import Candidate

COVER_LETTER_MAX = 6000


class SignInForm(DsfrBaseForm):
    email = email_address_field()

    def clean_email(self):
        return normalised_email(self.cleaned_data["email"])


def https_url_fields(field, **kwargs):
    # An address typed without a scheme ("github.com/camille") becomes https://…
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ProfileForm(DsfrBaseForm, forms.ModelForm):
    contract_types = forms.ModelMultipleChoiceField(
        label="Types de contrat recherchés",
        queryset=ContractType.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    domains = forms.ModelMultipleChoiceField(
        label="Domaines qui vous intéressent",
        queryset=Profession.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hidden_institutions = forms.ModelMultipleChoiceField(
        label="Institutions qui ne doivent jamais voir votre profil",
        help_text="Par exemple votre employeur actuel. Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
        queryset=Institution.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Candidate
        formfield_callback = https_url_fields
        fields = [
            "first_name",
            "last_name",
            "phone",
            "region",
            "current_job",
            "years_of_experience",
            "github_url",
            "portfolio_url",
            "contract_types",
            "domains",
            "in_talent_pool",
            "hidden_institutions",
        ]
        labels = {
            "first_name": "Prénom",
            "last_name": "Nom",
            "phone": "Téléphone (facultatif)",
            "region": "Région où vous souhaitez travailler",
            "current_job": "Poste actuel (facultatif)",
            "years_of_experience": "Années d'expérience dans le numérique (facultatif)",
            "github_url": "Profil GitHub (facultatif)",
            "portfolio_url": "Portfolio ou site personnel (facultatif)",
            "in_talent_pool": "Je rejoins le vivier de talents",
        }
        help_texts = {
            "phone": "Format attendu : 06 12 34 56 78",
            "github_url": "Format attendu : https://github.com/votre-identifiant",
            "portfolio_url": "Format attendu : https://exemple.fr",
            "in_talent_pool": "Les équipes de recrutement des employeurs publics pourront trouver votre profil "
            "(sans votre adresse e-mail ni votre téléphone) et vous écrire par l'intermédiaire du site. "
            "Vous choisissez de leur répondre ou non. Décochez à tout moment pour quitter le vivier.",
        }
        error_messages = {
            "first_name": {"required": "Indiquez votre prénom."},
            "last_name": {"required": "Indiquez votre nom."},
            "github_url": {"invalid": "Cette adresse n'est pas valide. Format attendu : https://github.com/…"},
            "portfolio_url": {"invalid": "Cette adresse n'est pas valide. Format attendu : https://exemple.fr"},
            "years_of_experience": {"invalid": "Indiquez un nombre entier d'années, par exemple 3."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "Choisir une région"), *self.fields["region"].choices[1:]]
        self.fields["years_of_experience"].widget.attrs.update(min=0, max=60)
        self.fields["years_of_experience"].max_value = 60
        self.fields["phone"].widget.attrs.update(autocomplete="tel", type="tel")
        self.fields["first_name"].widget.attrs.update(autocomplete="given-name")
        self.fields["last_name"].widget.attrs.update(autocomplete="family-name")

    def clean_years_of_experience(self):
        value = self.cleaned_data["years_of_experience"]
        if value is not None and value > 60:
            raise forms.ValidationError("Indiquez un nombre d'années entre 0 et 60.")
        return value


def sanitised_file_name(name):
    """The CV's original name as shown to recruiters and in downloads: letters, digits, dots, dashes."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem = "".join(char if char.isalnum() or char in "-_" else "-" for char in base.rsplit(".", 1)[0]).strip("-_")
    return f"{(stem or 'cv')[:100]}.pdf"


class ApplicationForm(DsfrBaseForm):
    cover_letter = forms.CharField(
        label="Lettre de motivation",
        help_text=f"Quelques paragraphes : ce qui vous attire dans ce poste, ce que vous apporteriez. "
        f"{COVER_LETTER_MAX} caractères au plus.",
        max_length=COVER_LETTER_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={
            "required": "Écrivez votre lettre de motivation.",
            "max_length": f"Votre lettre dépasse {COVER_LETTER_MAX} caractères : raccourcissez-la.",
        },
    )
    cv = forms.FileField(
        label="Votre CV",
        error_messages={"required": "Choisissez votre CV au format PDF.", "empty": pdf.EMPTY},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, cv_too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        if cv_too_large:  # the upload handler skipped the file (candidates.views.CvSizeLimitHandler)
            self.fields["cv"].error_messages["required"] = pdf.too_large_message()
        limit = pdf.megabytes(settings.CANDIDATES_CV_MAX_BYTES)
        self.fields["cv"].help_text = f"Format PDF uniquement, {limit} au plus."

    def clean_cv(self):
        uploaded = self.cleaned_data["cv"]
        pdf.check_pdf(uploaded)
        return uploaded
