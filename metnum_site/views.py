from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request):
    """The 500 page, rendered without context processors so that it never needs the database."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site_name": settings.WAGTAIL_SITE_NAME}))


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
