from django.conf import settings
from django.views.defaults import page_not_found

from .admin_scope import sees_every_institution, visible_pages

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
