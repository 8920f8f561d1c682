"""The demo site's frame: the Site, the home page, the legal pages and the site map (data/site.yaml)."""

from django.db import transaction
from wagtail.models import Page, Site

from editorial.models import StandardPage
from home.models import HomePage, SitemapPage, SiteSettings

from . import files
from .pages import body, get_or_create_child_page


def load(report):
    """Create the home page as the default site's root, then the legal pages and the site map."""
    data = files.read("site")
    with transaction.atomic():
        home = _home_page(data, report)
        pages = {}
        for legal in data["legal_pages"]:
            fields = dict(legal, body=body(legal["body"]))
            pages[legal["slug"]] = get_or_create_child_page(home, StandardPage, report=report, **fields)
        pages[data["sitemap"]["slug"]] = get_or_create_child_page(home, SitemapPage, report=report, **data["sitemap"])
        settings = SiteSettings.for_site(home.get_site())
        changed = []
        if not settings.contact_email:
            settings.contact_email = data["contact_email"]
            changed.append("contact_email")
        for field, slug in data["footer_pages"].items():
            if getattr(settings, f"{field}_id") is None:
                setattr(settings, field, pages[slug])
                changed.append(field)
        if changed:
            settings.save()
            report.count("réglages du site")
    return home


def _home_page(data, report):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=data["home"]["title"], slug=data["home"]["slug"], body=body(data["home"]["body"]))
        root.add_child(instance=home)
        home.save_revision().publish()
        report.count("pages « Page d'accueil »")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=data["site_name"]
        )
        report.count("sites")
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
        report.count("sites")
        _remove_wagtail_welcome_page(previous_root)
    return home


def _remove_wagtail_welcome_page(page):
    """Wagtail's installation creates a bare "Welcome" page; drop it once our home page replaces it."""
    if type(page.specific) is Page and not page.get_children().exists():
        page.delete()
