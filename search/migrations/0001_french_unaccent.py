"""PostgreSQL only: the `french_unaccent` text search configuration used by the Wagtail search
backend (search/backends.py): French stemming and stop words after unaccent, so that
"developpeur" finds "Développeur". Nothing to do on SQLite (the analysis happens in Python)."""

from django.db import migrations

from search.migrations._postgres import postgres_only

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


class Migration(migrations.Migration):
    dependencies = []

    operations = [postgres_only(CREATE, DROP)]
