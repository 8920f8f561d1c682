"""PostgreSQL only: the words of the open offers' titles, folded, in a GIN index on jobs_joboffer, for
the suggestions (search/engines/db_text.py, PostgresText.newest_with_title_prefixes).

They used to be read from the autocomplete vectors of Wagtail's index entries, one probe per offer
joined on a text cast of its id: a tenth of a millisecond each, 40 to 200 ms per suggestion at
100,000 offers. An expression index rather than a stored column: PostgreSQL keeps it in step with
the title, and a later change of the title column's type rebuilds it instead of failing.

`simple_unaccent` folds words as search/text.py's fold() does (lower case, no accents), without
stemming or stop words: a typed prefix must find the word as written. search/engines/db_text.py's
TitleWords repeats TITLE_WORDS: PostgreSQL uses the index for that expression only."""

from django.db import migrations

from search.migrations._postgres import postgres_only

WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart"
)
# Words are runs of letters and digits, as search/engines/database.py's FTS_WORD reads what is typed:
# PostgreSQL's parser would keep "node.js" or "l'état" whole, and "js" or "etat" would find nothing.
TITLE_WORDS = "to_tsvector('simple_unaccent'::regconfig, regexp_replace(title, '[^[:alnum:]]+', ' ', 'g'))"
CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS search_joboffer_title_words ON jobs_joboffer
    USING gin ({TITLE_WORDS}) WHERE live AND filled_at IS NULL;
"""
DROP = """
DROP INDEX IF EXISTS search_joboffer_title_words;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0010_delete_zeroresultsearch"), ("jobs", "0012_offer_quality_score")]

    operations = [postgres_only(CREATE, DROP)]
