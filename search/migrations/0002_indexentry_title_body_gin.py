"""PostgreSQL only: a GIN index on `title || body` of Wagtail's search index. The PostgreSQL backend
matches a query against that concatenation, which its own per-column GIN indexes cannot serve: without
this index every text search reads every index entry (see the figures in docs/benchmarks.md)."""

from django.db import migrations

from search.migrations._postgres import postgres_only

INDEX = "search_indexentry_title_body_gin"


class Migration(migrations.Migration):
    dependencies = [("search", "0001_french_unaccent"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [
        postgres_only(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
