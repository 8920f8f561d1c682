"""Every use of Wagtail's and modelsearch's private or undocumented APIs, in one place.

The project leans on them for speed (a 10 000-offer import, a bulk indexer) and for the French
search backends. Each is reached through this module only, and tests/metnum_site/test_upstream.py
pins the behaviour relied on: an upgrade that changes one of them fails there first, with the name
of what changed, instead of somewhere in an import or a search.

    Wagtail's reference index      extract_references, content_path_hash, reference_index_paused
    Wagtail's publishing           PublishSavedRevision
    Wagtail's admin internals      admin_view_parts (the stock views editorial/admin_views.py fences),
                                   decorate_urlpatterns, multigetattr
    modelsearch's database index   index_entry_model, sqlite_fts_entry_model, postgres_parts,
                                   sqlite_parts, entries_of, refresh_title_norms, write_connection_of,
                                   search_config_of, content_type_pk, body_weight

Imports are made inside the functions: these modules load models, and modelsearch's SQLite module
only loads when the database is SQLite.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from wagtail.actions.base import BaseAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.signals import published

# Wagtail's reference index ------------------------------------------------------------------------


def extract_references(obj):
    """(to_content_type_id, to_object_id, model_path, content_path) of each reference `obj` holds."""
    from wagtail.models import ReferenceIndex

    return ReferenceIndex._extract_references_from_object(obj)


def content_path_hash(content_path):
    """The hash Wagtail stores beside a reference's content path (part of its unique key)."""
    from wagtail.models import ReferenceIndex

    return ReferenceIndex._get_content_path_hash(content_path)


@contextmanager
def reference_index_paused():
    """Saves inside do not update the reference index (the caller updates it in bulk). Unlike
    Wagtail's disable_reference_index_auto_update, it may be nested: an offer saved inside an import
    opens its own pause."""
    from wagtail.signal_handlers import disable_reference_index_auto_update, reference_index_auto_update_disabled

    if getattr(reference_index_auto_update_disabled, "value", False):
        yield
        return
    with disable_reference_index_auto_update():
        yield


# Wagtail's publishing -----------------------------------------------------------------------------


class PublishSavedRevision(PublishRevisionAction):
    """Wagtail's publication of a revision, given the object the revision was just saved from.

    PublishRevisionAction rebuilds that object from the revision's JSON, which costs a dozen queries
    per offer (one per tag and per relation) to get back what the importer holds in memory."""

    def __init__(self, revision, instance, *, is_new):
        BaseAction.__init__(self, instance)
        self.revision, self.object, self.is_new = revision, instance, is_new
        self.changed, self.log_action, self.previous_revision = True, True, None

    def _after_publish(self):
        if self.is_new:
            # An object created a moment ago is in no moderation workflow: skip looking for one to cancel.
            published.send(sender=type(self.object), instance=self.object, revision=self.revision)
        else:
            super()._after_publish()


# modelsearch's database index ---------------------------------------------------------------------


def index_entry_model():
    """The model of the database index's rows (one per indexed object)."""
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")


def sqlite_fts_entry_model():
    """The model of SQLite's full-text table beside the index rows."""
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("SQLiteFTSIndexEntry")


def _backend_parts(module, prefix):
    return SimpleNamespace(
        Index=getattr(module, f"{prefix}Index"),
        Backend=getattr(module, f"{prefix}SearchBackend"),
        QueryCompiler=getattr(module, f"{prefix}SearchQueryCompiler"),
        AutocompleteCompiler=getattr(module, f"{prefix}AutocompleteQueryCompiler"),
    )


def postgres_parts():
    """The classes of modelsearch's PostgreSQL backend that search/postgres_backend.py extends."""
    from modelsearch.backends.database.postgres import postgres

    return _backend_parts(postgres, "Postgres")


def sqlite_parts():
    """The classes of modelsearch's SQLite backend that search/sqlite_backend.py extends."""
    from modelsearch.backends.database.sqlite import sqlite

    return _backend_parts(sqlite, "SQLite")


def entries_of(index):
    """The index rows of one backend index (a manager of index_entry_model())."""
    return index.entries


def write_connection_of(index):
    return index.write_connection


def search_config_of(index):
    """The PostgreSQL text search configuration of the backend (None: 'simple')."""
    return index.backend.config


def refresh_title_norms(index):
    """What modelsearch does after writing rows: recompute the title normalisation it ranks with."""
    index._refresh_title_norms()


def content_type_pk(model):
    from modelsearch.utils import get_content_type_pk

    return get_content_type_pk(model)


def body_weight(boost):
    """The PostgreSQL weight letter (A to D) modelsearch gives a field of this boost."""
    from modelsearch.backends.database.postgres.weights import get_weight

    return get_weight(boost)


# Wagtail's admin internals ------------------------------------------------------------------------


def admin_view_parts():
    """The stock admin views and registries that editorial/admin_views.py subclasses or calls to fence
    each institution's work (see test_upstream.py for the methods it overrides)."""
    from wagtail.admin.api.views import PagesAdminAPIViewSet
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry
    from wagtail.admin.views.chooser import ChosenMultipleView, ExternalLinkView
    from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    return SimpleNamespace(
        PagesAPI=PagesAdminAPIViewSet,
        ImagesAPI=ImagesAdminAPIViewSet,
        DocumentsAPI=DocumentsAdminAPIViewSet,
        bulk_action_registry=bulk_action_registry,
        ChosenPages=ChosenMultipleView,
        ExternalLink=ExternalLinkView,
        SiteHistory=LogEntriesView,
        SiteHistoryFilterSet=SiteHistoryReportFilterSet,
        PageTypesUsage=PageTypesUsageReportView,
    )


def decorate_urlpatterns(urlpatterns, decorator):
    """Wagtail's helper that wraps every view of a URLconf (as it does for its admin)."""
    from wagtail.utils.urlpatterns import decorate_urlpatterns as decorate

    return decorate(urlpatterns, decorator)


def multigetattr(item, accessor):
    """Wagtail's dotted-path attribute reader ("institution.name"), used by listing columns."""
    from wagtail.coreutils import multigetattr as read

    return read(item, accessor)
