from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from jobs import sitemaps
from search import views as search_views

from . import views

handler500 = "metnum_site.views.server_error"

urlpatterns = [
    path("admin/", include("accounts.urls")),
    path("admin/", include("editorial.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sante", views.health, name="health"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemaps.sitemap_pages, name="sitemap_pages"),
    path("sitemap-offres-<int:number>.xml", sitemaps.sitemap_offers, name="sitemap_offers"),
    path("offres/", include("search.urls")),
    path("offres/", include("impact.urls")),
    path("offres/", include("jobs.urls")),
    path("recherche/", search_views.site_search, name="site_search"),
    path("alertes/", include("alerts.urls")),
    path("espace-candidat/", include("candidates.urls")),
    path("api/", include("api.urls")),
]

if settings.DJANGO_ADMIN_ENABLED:
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
