"""RunPython operations that only touch PostgreSQL: the SQLite database needs none of these."""

from django.db import migrations


def postgres_only(sql, reverse_sql):
    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(reverse_sql)

    return migrations.RunPython(forward, backward)
