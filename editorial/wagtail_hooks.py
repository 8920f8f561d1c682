"""The per-institution fence on Wagtail's page chooser and admin API (see admin_scope.py)."""

from wagtail import hooks

from .admin_scope import visible_pages
from .admin_views import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet, ScopedPagesAdminAPIViewSet


@hooks.register("construct_page_chooser_queryset")
def fence_page_chooser(pages, request):
    return pages.filter(pk__in=visible_pages(request.user).values("pk"))


# After wagtail.images' and wagtail.documents' own registrations (order 0), which these replace.
@hooks.register("construct_admin_api", order=1)
def fence_admin_api(router):
    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("construct_page_action_menu")
def publish_first(menu_items, request, context):
    """The main button is « Publier » for those who may publish the page (Wagtail hides it in the
    menu, under « Enregistrer le brouillon », which stays one click away)."""
    publish = next((item for item in menu_items if item.name == "action-publish"), None)
    if publish is not None:
        menu_items.remove(publish)
        menu_items.insert(0, publish)
