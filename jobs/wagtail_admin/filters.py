"""Filters of the admin listings (django-filter FilterSets plugged into the snippet viewsets)."""

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django_filters.fields import ModelMultipleChoiceField
from wagtail.admin.filters import WagtailFilterSet

from ..choices import OfferStatus
from ..models import ContractType, Institution, JobOffer, Profession
from ..permissions import user_institutions
from ..quality import QualityBand, band_range


def institutions_of_request(request):
    return user_institutions(request.user) if request is not None else Institution.objects.none()


ID_RANGE = range(-(2**63), 2**63)  # what a database id column can hold


class StorableIdsField(ModelMultipleChoiceField):
    """Refuses an id no column can hold like an unknown id, before the query (which SQLite would
    fail with OverflowError)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if text.lstrip("-").isdigit() and int(text) not in ID_RANGE:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = StorableIdsField


class JobOfferFilterSet(WagtailFilterSet):
    """Filters of the offer listing. `status` filters the `status_code` annotation of
    `JobOffer.objects.with_status()`, so the listing queryset must carry it."""

    institution = django_filters.ModelChoiceFilter(
        label="Employeur", queryset=institutions_of_request, empty_label="Tous les employeurs"
    )
    status = django_filters.MultipleChoiceFilter(
        label="Statut", choices=OfferStatus.choices, widget=forms.CheckboxSelectMultiple, method="filter_status"
    )
    profession = IdsFilter(
        label="Métier", queryset=Profession.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=False
    )
    quality = django_filters.MultipleChoiceFilter(
        label="Qualité", choices=QualityBand.choices, widget=forms.CheckboxSelectMultiple, method="filter_quality"
    )
    contract_types = IdsFilter(
        label="Type de contrat",
        queryset=ContractType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        method="filter_contract_types",
    )

    class Meta:
        model = JobOffer
        fields = ["institution", "status", "quality", "profession", "contract_types"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_code__in=value) if value else queryset

    def filter_quality(self, queryset, name, value):
        """Offers whose stored score falls in one of the chosen bands."""
        if not value:
            return queryset
        ranges = [band_range(band) for band in value]
        return queryset.filter(reduce(or_, (Q(quality_score__range=bounds) for bounds in ranges)))

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
