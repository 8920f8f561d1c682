import logging
import traceback
from pathlib import Path

from django.conf import settings
from django.db import DataError
from django.shortcuts import render
from django.utils.datastructures import MultiValueDictKeyError
from django.views.defaults import page_not_found

from .admin_scope import sees_every_institution, visible_pages

logger = logging.getLogger(__name__)

PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")


class AdminPageFenceMiddleware:
    """Any admin URL that names a page by id (editing, moving, choosing under a parent, previews,
    workflow views, whatever Wagtail adds later) answers "not found" to a signed-in person for whom
    that page is invisible (admin_scope.visible_pages): Wagtail's own checks then only ever see pages
    of the person's institution or public ones. Anonymous requests go on to Wagtail's login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(settings.ADMIN_PATH_PREFIXES) or not request.user.is_authenticated:
            return None
        page_ids = {str(view_kwargs[name]) for name in PAGE_PARAMETERS if name in view_kwargs}
        if (
            page_ids
            and not sees_every_institution(request.user)
            and visible_pages(request.user).filter(pk__in=page_ids).count() < len(page_ids)
        ):
            return page_not_found(request, None, template_name="wagtailadmin/404.html")
        return None


class AdminInputMiddleware:
    """Tampered admin parameters get a clear answer, not a server error, in Wagtail's views too:
    - a `next` that is not a path of this site is dropped (Wagtail's views pass it to redirect(),
      which takes "0" or "home" for a view name and fails);
    - a number no database column can hold (SQLite: OverflowError; PostgreSQL: DataError), a form
      field a view reads without checking (Wagtail's page copy: MultiValueDictKeyError) or a value
      a widget cannot read (a StreamField's "body-count" that is not a number: ValueError), or a form
      whose own clean() reads a field that failed validation (Wagtail's redirect import: KeyError)
      answers 400 with a page saying so, and is logged with its traceback. Nothing was written: each
      fails while reading its input, before the view saves anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            request.GET = without_foreign_next(request.GET)
            if request.method == "POST" and "next" in request.POST:
                request.POST = without_foreign_next(request.POST)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIXES) and (
            isinstance(exception, (OverflowError, DataError, MultiValueDictKeyError, ValueError))
            or (isinstance(exception, KeyError) and raised_while_cleaning_a_form(exception))
        ):
            logger.warning("Requête d'administration refusée (400) : %s", request.path, exc_info=exception)
            return render(request, "editorial/admin/bad_request.html", status=400)
        return None


def raised_while_cleaning_a_form(exception):
    """True when Django's Form.full_clean() is on the exception's way up: the form's input, not the
    view's own state, is what failed."""
    frames = traceback.walk_tb(exception.__traceback__)
    return any(
        frame.f_code.co_name == "full_clean" and frame.f_code.co_filename.endswith(FORMS_MODULE) for frame, _ in frames
    )


FORMS_MODULE = str(Path("django", "forms", "forms.py"))


def without_foreign_next(query):
    values = query.getlist("next")
    kept = [value for value in values if value.startswith("/") and not value.startswith(("//", "/\\"))]
    if kept == values:
        return query
    query = query.copy()
    query.setlist("next", kept)
    if not kept:
        del query["next"]
    query._mutable = False
    return query
