"""Filters of the admin listings (django-filter FilterSets plugged into the snippet viewsets)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from wagtail.admin.filters import WagtailFilterSet

from ..choices import OfferStatus
from ..models import ContractType, Institution, JobOffer, Profession
from ..permissions import user_institutions


def institutions_of_request(request):
    return user_institutions(request.user) if request is not None else Institution.objects.none()


class JobOfferFilterSet(WagtailFilterSet):
    """Filters of the offer listing. `status` filters the `status_code` annotation of
    `JobOffer.objects.with_status()`, so the listing queryset must carry it."""

    institution = django_filters.ModelChoiceFilter(
        label="Employeur", queryset=institutions_of_request, empty_label="Tous les employeurs"
    )
    status = django_filters.MultipleChoiceFilter(
        label="Statut", choices=OfferStatus.choices, widget=forms.CheckboxSelectMultiple, method="filter_status"
    )
    profession = django_filters.ModelMultipleChoiceFilter(
        label="Métier", queryset=Profession.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=False
    )
    contract_types = django_filters.ModelMultipleChoiceFilter(
        label="Type de contrat",
        queryset=ContractType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        method="filter_contract_types",
    )

    class Meta:
        model = JobOffer
        fields = ["institution", "status", "profession", "contract_types"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_code__in=value) if value else queryset

    def filter_contract_types(self, queryset, name, value):
        """Offers open to any of the chosen contract types. A subquery rather than a join, so
        that an offer open to two chosen types is listed once without DISTINCT."""
        if not value:
            return queryset
        through = JobOffer.contract_types.through
        return queryset.filter(
            Exists(through.objects.filter(joboffer_id=OuterRef("pk"), contracttype__in=value)),
        )


class InstitutionFilterSet(WagtailFilterSet):
    class Meta:
        model = Institution
        fields = ["kind"]
