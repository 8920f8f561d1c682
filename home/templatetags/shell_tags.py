"""Tags for the site shell (header, footer, breadcrumb, pagination). None of them queries the database,
except `page_breadcrumb`, which reads the ancestors of the page being shown, and `main_navigation` and
`footer_links`, which find the section pages and the footer's pages (once per request each)."""

from django import template
from django.urls import reverse

from home.pagination import pagination_links

register = template.Library()

SKIPLINKS = [
    {"link": "#contenu", "label": "Contenu"},
    {"link": "#navigation-principale", "label": "Menu"},
    {"link": "#recherche-entete", "label": "Recherche"},
    {"link": "#footer", "label": "Pied de page"},
]


@register.simple_tag
def site_skiplinks():
    return SKIPLINKS


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    path = request.path if request else ""
    shell = context.get("shell")  # absent from the 500 page, which reads no database
    links = shell.main_navigation if shell else [(reverse("search:offers"), "Offres")]
    return [
        {"url": url, "label": label, "current": path == url, "in_section": path.startswith(url)} for url, label in links
    ]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """(URL, label) of the footer's pages; on the 500 page, those the last page served found."""
    shell = context.get("shell")
    return shell.footer_links if shell else context.get("error_footer_links", [])


@register.filter
def page_breadcrumb(page):
    """The django-dsfr breadcrumb data for a Wagtail page: its ancestors below the home page."""
    ancestors = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
    return {
        "links": [{"url": ancestor.url, "title": ancestor.title} for ancestor in ancestors],
        "current": page.title,
    }


@register.filter
def current_at(breadcrumb, path):
    """The breadcrumb data with the current page's address, which templates/dsfr/breadcrumb.html gives
    the last item: a link without `href` that DSFR's script listens to is one search engines cannot
    follow (Lighthouse's "crawlable-anchors")."""
    return {**breadcrumb, "current_url": path}


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """The DSFR pagination of `page_obj`, its links built from the request's query (home/pagination.py)."""
    return {"links": pagination_links(page_obj, context["request"].GET)}
