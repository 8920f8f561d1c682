"""OfferQuery: what a URL can hold becomes a valid query, with French notices for what was ignored."""

import pytest
from django.http import QueryDict

from search.query import MAX_PAGE, MAX_TEXT_LENGTH, OfferQuery
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def parse(query_string):
    return OfferQuery.from_querydict(QueryDict(query_string))


def test_known_values_are_kept_in_order_and_unknown_ones_dropped():
    InstitutionFactory(slug="dinum")

    query = parse(
        "institution=dinum&institution=inconnue&metier=donnees&metier=astronautes&contrat=stage&contrat=cdi"
        "&categorie=A&experience=senior&region=11&region=99&departement=2a&teletravail=total&couleur=bleu"
    )

    assert query.filters == {
        "institution": ("dinum",),
        "metier": ("donnees",),
        "contrat": ("stage",),
        "categorie": ("a",),
        "experience": ("senior",),
        "region": ("11",),
        "departement": ("2A",),
        "teletravail": ("total",),
    }
    assert query.notices == ()


def test_text_is_trimmed_cleaned_and_capped_with_a_notice():
    assert parse("q=%20%20d%C3%A9veloppeur%00%20%20python%20").text == "développeur python"
    long_query = parse("q=" + "a" * (MAX_TEXT_LENGTH + 50))
    assert len(long_query.text) == MAX_TEXT_LENGTH
    assert long_query.notices == (f"Votre recherche a été raccourcie à ses {MAX_TEXT_LENGTH} premiers caractères.",)


def test_malformed_numbers_are_ignored_with_a_french_notice():
    query = parse("salaire_min=beaucoup&publiee=semaine&page=deux")

    assert (query.salary_min, query.published_within, query.page) == (None, None, 1)
    assert query.notices == (
        "Le salaire minimum «\u00a0beaucoup\u00a0» n'est pas un montant en euros : ce filtre est ignoré.",
        "La période de publication «\u00a0semaine\u00a0» n'est pas un nombre de jours : ce filtre est ignoré.",
        "Le numéro de page «\u00a0deux\u00a0» n'est pas un nombre : voici la première page.",
    )


def test_numbers_are_read_with_spaces_and_bounded():
    query = parse("salaire_min=45%20000&publiee=30&page=99999999999")
    assert (query.salary_min, query.published_within, query.page) == (45_000, 30, MAX_PAGE)
    assert parse("publiee=15").published_within is None  # a number, but not a period the page offers
    assert parse("page=0").page == 1
    assert parse("salaire_min=" + "9" * 5000).salary_min is None


def test_sort_defaults_to_relevance_with_text_and_to_date_without():
    assert parse("q=data").sort == "pertinence"
    assert parse("").sort == "date"
    assert parse("tri=pertinence").sort == "date"
    assert parse("q=data&tri=echeance").sort == "echeance"
    assert parse("tri=n%27importe").sort == "date"


def test_links_keep_the_query_and_removing_a_filter_goes_back_to_page_one():
    query = parse("q=data&region=11&departement=75&teletravail=partiel&teletravail=total&page=3&tri=date")

    assert query.urlencode() == (
        "q=data&region=11&departement=75&teletravail=partiel&teletravail=total&tri=date&page=3"
    )
    assert query.without("teletravail", "total").urlencode() == (
        "q=data&region=11&departement=75&teletravail=partiel&tri=date"
    )
    assert query.without("region").urlencode() == "q=data&teletravail=partiel&teletravail=total&tri=date"
    assert query.cleared().urlencode() == "q=data&tri=date"
    assert query.show_departements and not parse("region=").show_departements


def test_each_facet_names_a_column_of_the_offers_and_a_field_of_the_elasticsearch_documents():
    from jobs.models import JobOffer
    from search import es
    from search.query import FACETS

    columns = {field.attname for field in JobOffer._meta.concrete_fields}
    mapped = es.index_body()["mappings"]["properties"]

    for facet in FACETS:
        assert facet.column in columns, facet
        assert mapped[facet.field]["type"] == "keyword", facet
