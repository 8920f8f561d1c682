"""The searches without results that the search app counted before impact took the job over: each
day's count joins impact's daily search counts (as searches that found nothing), except the texts that
look like personal data, which impact never keeps (counted without their text)."""

import re
import unicodedata

from django.db import migrations
from django.db.models import F

# impact.counters' filter as it stood when this migration was written: a migration keeps its meaning
# even when the app's code changes later.
MAX_TEXT_LENGTH = 100
EMAIL = re.compile(r"\S+@\S+|\S+\s*(\(at\)|\[at\]|arobase)\s*\S+", re.IGNORECASE)
PHONE = re.compile(r"(?:\+|\b)\d(?:[\s.\-/]?\d){5,}")


def search_text(text):
    text = unicodedata.normalize("NFC", " ".join(str(text or "").lower().split()))[:MAX_TEXT_LENGTH].strip()
    if EMAIL.search(text) or PHONE.search(text):
        return None
    return text


def copy_counts(apps, schema_editor):
    ZeroResultSearch = apps.get_model("search", "ZeroResultSearch")
    SearchDailyCount = apps.get_model("impact", "SearchDailyCount")
    for row in ZeroResultSearch.objects.iterator():
        text = search_text(row.text)
        count, _ = SearchDailyCount.objects.get_or_create(day=row.day, text=text or "")
        SearchDailyCount.objects.filter(pk=count.pk).update(
            searches=F("searches") + row.count, zero_result_searches=F("zero_result_searches") + row.count
        )


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0001_initial"),
        ("search", "0009_pending_index_write"),
    ]

    operations = [migrations.RunPython(copy_counts, migrations.RunPython.noop)]
