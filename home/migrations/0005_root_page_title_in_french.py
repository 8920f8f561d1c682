"""The tree's root page, which superusers see in the page explorer (« Exploration: Root »), gets a
French title. Only the title that Wagtail's first migration gave it is changed, both ways."""

from django.db import migrations

WAGTAIL_TITLE = "Root"
FRENCH_TITLE = "Racine de l'arborescence"


def rename(apps, old, new):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def to_french(apps, schema_editor):
    rename(apps, WAGTAIL_TITLE, FRENCH_TITLE)


def to_wagtail(apps, schema_editor):
    rename(apps, FRENCH_TITLE, WAGTAIL_TITLE)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_choose_former_footer_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_french, to_wagtail)]
