"""The searches without results that the search app counted before impact took the job over: each
day's count joins impact's daily search counts (as searches that found nothing), except the texts that
look like personal data, which impact never keeps (counted without their text)."""

from django.db import migrations
from django.db.models import F


def copy_counts(apps, schema_editor):
    from impact.counters import search_text

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
