"""The roots of the page tree and of the collections, which the admin shows (« Exploration: Root »,
« Root » atop the collections of the image and document filters), get French names. Only the names
that Wagtail's migrations gave them are changed, both ways."""

from django.db import migrations

WAGTAIL_TITLE = "Root"
FRENCH_TITLE = "Racine de l'arborescence"
FRENCH_COLLECTION = "Toutes les collections"


def rename(apps, old_title, new_title, old_collection, new_collection):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=old_title).update(title=new_title, draft_title=new_title)
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old_collection).update(name=new_collection)


def to_french(apps, schema_editor):
    rename(apps, WAGTAIL_TITLE, FRENCH_TITLE, WAGTAIL_TITLE, FRENCH_COLLECTION)


def to_wagtail(apps, schema_editor):
    rename(apps, FRENCH_TITLE, WAGTAIL_TITLE, FRENCH_COLLECTION, WAGTAIL_TITLE)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_choose_former_footer_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_french, to_wagtail)]
