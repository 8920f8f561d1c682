"""Pins what metnum_site/upstream.py relies on in Wagtail and modelsearch beyond their documented
APIs. A failure here after an upgrade names the private API that changed: adapt upstream.py (and
the code it serves) before anything else."""

import inspect
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.signals import published

from jobs.models import JobOffer
from metnum_site import upstream
from tests.factories import JobOfferFactory


def parameters(function):
    return list(inspect.signature(function).parameters)


# Wagtail's reference index


def test_references_are_extracted_as_four_values_each(db):
    offer = JobOfferFactory()
    institution_type = ContentType.objects.get_for_model(offer.institution).pk

    references = list(upstream.extract_references(offer))

    assert all(len(reference) == 4 for reference in references)
    assert (institution_type, str(offer.institution_id)) in {(ref[0], str(ref[1])) for ref in references}


def test_the_content_path_hash_is_a_stable_uuid():
    first = upstream.content_path_hash("institution")

    assert isinstance(first, uuid.UUID)
    assert upstream.content_path_hash("institution") == first != upstream.content_path_hash("profession")


def test_a_pause_turns_off_wagtails_reference_updates_until_the_outermost_ends():
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    def paused():
        return getattr(reference_index_auto_update_disabled, "value", False)

    with upstream.reference_index_paused():
        with upstream.reference_index_paused():  # nested, as an offer saved inside an import
            assert paused()
        assert paused()
    assert not paused()


# Wagtail's publishing


def test_the_publish_action_keeps_the_hooks_the_importer_overrides():
    assert parameters(PublishRevisionAction._after_publish) == ["self"]
    assert {"_publish_revision", "execute", "check"} <= set(dir(PublishRevisionAction))


@pytest.mark.parametrize("is_new", [True, False])
def test_publishing_a_saved_revision_publishes_the_object_given(db, is_new):
    offer = JobOfferFactory()
    revision = offer.save_revision()
    sent = []

    def receiver(sender, instance, revision, **kwargs):
        sent.append((sender, instance.pk, revision.pk))

    published.connect(receiver, weak=False)
    try:
        upstream.PublishSavedRevision(revision, offer, is_new=is_new).execute(skip_permission_checks=True)
    finally:
        published.disconnect(receiver)

    offer.refresh_from_db()
    assert offer.live and offer.live_revision_id == revision.pk
    assert sent == [(JobOffer, offer.pk, revision.pk)]


# modelsearch's database index


def test_the_index_rows_have_the_columns_the_indexers_write(db):
    columns = {field.name for field in upstream.index_entry_model()._meta.get_fields()}

    assert {"content_type", "object_id", "title", "body", "autocomplete"} <= columns
    if connection.vendor == "postgresql":
        assert {"title_norm", "title_text", "body_text"} <= columns


def test_the_backend_index_exposes_its_rows_connection_and_title_norms(db):
    index = get_search_backend().get_index_for_model(JobOffer)

    assert upstream.entries_of(index).model is upstream.index_entry_model()
    with upstream.write_connection_of(index).cursor() as cursor:  # the connection the indexers write through
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1
    upstream.refresh_title_norms(index)  # what the bulk indexers call after writing


def test_the_extended_classes_keep_the_methods_we_override(db):
    if connection.vendor == "postgresql":
        parts = upstream.postgres_parts()
        compiler_parameters = ["self", "query", "config", "invert"]
        assert parameters(parts.QueryCompiler.build_tsquery_content) == compiler_parameters
        assert parameters(parts.AutocompleteCompiler.build_tsquery_content) == compiler_parameters
        assert upstream.search_config_of(get_search_backend().get_index_for_model(JobOffer)) == "french_unaccent"
    else:
        parts = upstream.sqlite_parts()
        assert parameters(parts.QueryCompiler.build_search_query_content) == ["self", "query", "config"]
        assert parameters(parts.AutocompleteCompiler.build_search_query_content) == ["self", "query", "config"]
        assert upstream.sqlite_fts_entry_model()._meta.db_table
    assert parameters(parts.Index.add_items) == ["self", "model", "objs"]
    assert parameters(parts.Index._refresh_title_norms)[0] == "self"
    assert isinstance(get_search_backend(), parts.Backend)


def test_boosts_map_to_postgres_weights_and_models_to_content_types(db):
    from search.index_texts import TITLE_BOOST

    if connection.vendor == "postgresql":
        get_search_backend()  # computes the weights from the boosts of the models' search fields
        # Letters A (heaviest) to D: the title and skills outweigh an unboosted field.
        assert upstream.body_weight(None) == "D"
        assert upstream.body_weight(TITLE_BOOST) in "ABC"
    assert upstream.content_type_pk(JobOffer) == ContentType.objects.get_for_model(JobOffer).pk


# Wagtail's admin internals, fenced per institution by editorial/admin_views.py


def test_the_stock_admin_views_keep_the_methods_the_fence_overrides():
    wagtail = upstream.admin_view_parts()

    assert parameters(wagtail.SiteHistory.filter_queryset) == ["self", "queryset"]
    assert "filter_queryset" in inspect.getsource(wagtail.SiteHistory.get_filtered_queryset)
    assert parameters(wagtail.SiteHistoryFilterSet.get_user_choices) == ["self"]
    assert parameters(wagtail.PageTypesUsage.decorate_paginated_queryset)[0] == "self"
    assert parameters(wagtail.ChosenPages.get) == ["self", "request"]
    assert parameters(wagtail.ExternalLink.post) == ["self", "request"]
    assert parameters(wagtail.ExternalLink.render_chosen_response) == ["self", "result"]
    assert (wagtail.ExternalLink.form_prefix, wagtail.ExternalLink.link_url_field_name) == (
        "external-link-chooser",
        "url",
    )
    for viewset in (wagtail.PagesAPI, wagtail.ImagesAPI, wagtail.DocumentsAPI):
        assert parameters(viewset.find_object) == ["self", "queryset", "request"]
    action = wagtail.bulk_action_registry.get_bulk_action_class("wagtailimages", "image", "delete")
    assert parameters(action.get_all_objects_in_listing_query) == ["self", "parent_id"]
    assert parameters(action.dispatch)[:2] == ["self", "request"]


def test_the_url_and_attribute_helpers():
    from django.urls import path

    wrapped = upstream.decorate_urlpatterns([path("x/", lambda request: "vue")], lambda view: lambda request: "décorée")
    assert wrapped[0].callback(None) == "décorée"
    assert upstream.multigetattr({"a": {"b": 3}}, "a.b") == 3
