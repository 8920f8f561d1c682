from django.db import migrations

# The slugs the footer linked to before editors could choose its pages: existing sites keep their links.
FORMER_FOOTER_SLUGS = {
    "sitemap_page": "plan-du-site",
    "accessibility_page": "accessibilite",
    "legal_notice_page": "mentions-legales",
    "privacy_page": "donnees-personnelles",
    "cookies_page": "gestion-des-cookies",
}


def choose_former_footer_pages(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    for site in Site.objects.select_related("root_page"):
        settings, _ = SiteSettings.objects.get_or_create(site=site)
        root = site.root_page
        children = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        for field, slug in FORMER_FOOTER_SLUGS.items():
            if getattr(settings, f"{field}_id") is None:
                page = children.filter(slug=slug).first()
                setattr(settings, f"{field}_id", page.pk if page else None)
        settings.save()


class Migration(migrations.Migration):
    # Apart from 0003: PostgreSQL refuses to alter a table with pending trigger events (the new
    # foreign keys) in the transaction that writes to it.

    dependencies = [("home", "0003_footer_pages")]

    operations = [migrations.RunPython(choose_former_footer_pages, migrations.RunPython.noop)]
