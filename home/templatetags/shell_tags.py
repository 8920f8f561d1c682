"""Tags for the site shell (header, footer, breadcrumb). None of them queries the database,
except `page_breadcrumb`, which reads the ancestors of the page being shown."""

import re

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()
LINK_WITHOUT_HREF = re.compile(r'<a (class="fr-pagination__link[^"]*")\s*>')

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


@register.filter
def page_breadcrumb(page):
    """The django-dsfr breadcrumb data for a Wagtail page: its ancestors below the home page."""
    ancestors = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
    return {
        "links": [{"url": ancestor.url, "title": ancestor.title} for ancestor in ancestors],
        "current": page.title,
    }


@register.simple_tag(takes_context=True)
def accessible_pagination(context, page_obj):
    """django-dsfr's pagination (`dsfr_pagination`), with the DSFR's markup for the links that lead
    nowhere (first and previous page on the first page, next and last on the last one):
    `aria-disabled="true"` and `role="link"`, which django-dsfr leaves out. Without them, assistive
    technologies and axe-core take these greyed-out links for text that lacks contrast."""
    html = render_to_string("dsfr/pagination.html", {"request": context["request"], "page_obj": page_obj})
    return mark_safe(LINK_WITHOUT_HREF.sub(r'<a \1 aria-disabled="true" role="link">', html))
