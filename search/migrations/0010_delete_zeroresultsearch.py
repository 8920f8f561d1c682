"""The searches without results are counted by the impact app (its counts copied by impact/0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_pending_index_write"),
        ("impact", "0002_zero_result_searches_from_search"),
    ]

    operations = [migrations.DeleteModel(name="ZeroResultSearch")]
