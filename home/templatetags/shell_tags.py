"""Tags for the site shell (header, footer, breadcrumb). None of them queries the database,
except `page_breadcrumb`, which reads the ancestors of the page being shown."""

from django import template

register = template.Library()

MAIN_NAVIGATION = [
    ("/offres/", "Offres"),
    ("/employeurs/", "Employeurs"),
    ("/temoignages/", "Témoignages"),
    ("/guides/", "Guides"),
]

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
    return [
        {"url": url, "label": label, "current": path == url, "in_section": path.startswith(url)}
        for url, label in MAIN_NAVIGATION
    ]


@register.filter
def page_breadcrumb(page):
    """The django-dsfr breadcrumb data for a Wagtail page: its ancestors below the home page."""
    ancestors = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
    return {
        "links": [{"url": ancestor.url, "title": ancestor.title} for ancestor in ancestors],
        "current": page.title,
    }
