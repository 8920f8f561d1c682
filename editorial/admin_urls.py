"""Included under /admin/ before Wagtail's admin URLs: these addresses are Wagtail's own, served by
the fenced views of admin_views.py. Unnamed on purpose: reverse() keeps finding Wagtail's names,
which lead to the same addresses."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from metnum_site.upstream import decorate_urlpatterns

from . import admin_views

urlpatterns = [
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", admin_views.bulk_action),
    path("choose-page/chosen-multiple/", admin_views.ScopedChosenPagesView.as_view()),
    path("choose-external-link/", admin_views.ScopedExternalLinkView.as_view()),
    path("reports/site-history/", admin_views.ScopedSiteHistoryView.as_view()),
    path("reports/site-history/results/", admin_views.ScopedSiteHistoryView.as_view(results_only=True)),
    path("reports/page-types-usage/", admin_views.ScopedPageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", admin_views.ScopedPageTypesUsageView.as_view(results_only=True)),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
