"""The offers' search documents (search.models.OfferDocument), and on PostgreSQL the triggers that write
them: from an index entry of an offer when Wagtail's backend writes or deletes it, from the offer
when one of the columns they repeat changes. A partial GIN index serves the text match of the
offers that can be open (live, not filled); the documents of the offers already indexed are copied
in."""

import django.contrib.postgres.search
from django.db import migrations, models

from search.migrations._postgres import postgres_only

OFFER_COLUMNS = (
    "institution_id",
    "profession_id",
    "contract_mask",
    "category",
    "experience_level",
    "remote",
    "departement_code",
    "region_code",
    "latitude",
    "longitude",
    "salary_min",
    "salary_max",
    "live",
    "go_live_at",
    "expire_at",
    "first_published_at",
    "deadline",
    "filled_at",
)

COLUMNS = ", ".join(OFFER_COLUMNS)
OFFER_TYPE = "(SELECT id FROM django_content_type WHERE app_label = 'jobs' AND model = 'joboffer')"


def upsert(entry, source):
    """The SQL writing the document of each offer of `source`, from its index entry named `entry`."""
    return f"""
INSERT INTO search_offerdocument (offer_id, entry_id, {COLUMNS}, title, text)
SELECT offer.id, {entry}.id, {", ".join(f"offer.{column}" for column in OFFER_COLUMNS)}, {entry}.title,
       {entry}.title || {entry}.body
FROM {source}
ON CONFLICT (offer_id) DO UPDATE SET entry_id = EXCLUDED.entry_id,
    {", ".join(f"{column} = EXCLUDED.{column}" for column in OFFER_COLUMNS)},
    title = EXCLUDED.title, text = EXCLUDED.text
"""


ENTRIES_OF_OFFERS = (
    "jobs_joboffer AS offer JOIN wagtailsearch_indexentry AS entry "
    f"ON entry.content_type_id = {OFFER_TYPE} AND entry.object_id = offer.id::text"
)
CREATE = f"""
CREATE INDEX search_offerdocument_text ON search_offerdocument USING gin (text) WHERE live AND filled_at IS NULL;

CREATE FUNCTION search_offerdocument_from_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.content_type_id = {OFFER_TYPE} THEN
            DELETE FROM search_offerdocument WHERE offer_id = OLD.object_id::bigint;
        END IF;
    ELSIF NEW.content_type_id = {OFFER_TYPE} THEN
        {upsert("NEW", "jobs_joboffer AS offer WHERE offer.id = NEW.object_id::bigint")};
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_offerdocument_from_entry
    AFTER INSERT OR UPDATE OR DELETE ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_offerdocument_from_entry();

CREATE FUNCTION search_offerdocument_from_offer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_offerdocument WHERE offer_id = OLD.id;
    ELSE
        UPDATE search_offerdocument
        SET {", ".join(f"{column} = NEW.{column}" for column in OFFER_COLUMNS)}
        WHERE offer_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_offerdocument_from_offer
    AFTER UPDATE ON jobs_joboffer FOR EACH ROW
    WHEN (({", ".join(f"OLD.{column}" for column in OFFER_COLUMNS)})
          IS DISTINCT FROM ({", ".join(f"NEW.{column}" for column in OFFER_COLUMNS)}))
    EXECUTE FUNCTION search_offerdocument_from_offer();
CREATE TRIGGER search_offerdocument_offer_deleted
    AFTER DELETE ON jobs_joboffer FOR EACH ROW EXECUTE FUNCTION search_offerdocument_from_offer();

{upsert("entry", ENTRIES_OF_OFFERS)};
ANALYZE search_offerdocument;
"""
DROP = """
DROP TRIGGER IF EXISTS search_offerdocument_offer_deleted ON jobs_joboffer;
DROP TRIGGER IF EXISTS search_offerdocument_from_offer ON jobs_joboffer;
DROP FUNCTION IF EXISTS search_offerdocument_from_offer();
DROP TRIGGER IF EXISTS search_offerdocument_from_entry ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_offerdocument_from_entry();
DROP INDEX IF EXISTS search_offerdocument_text;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0011_joboffer_title_words_index"),
        ("jobs", "0012_offer_quality_score"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfferDocument",
            fields=[
                ("offer_id", models.BigIntegerField(primary_key=True, serialize=False, verbose_name="offre")),
                ("entry_id", models.BigIntegerField(verbose_name="entrée de l'index")),
                ("institution_id", models.BigIntegerField(verbose_name="employeur")),
                ("profession_id", models.BigIntegerField(null=True, verbose_name="métier")),
                ("contract_mask", models.PositiveSmallIntegerField(verbose_name="types de contrat")),
                ("category", models.CharField(max_length=10, verbose_name="catégorie")),
                ("experience_level", models.CharField(max_length=20, verbose_name="expérience attendue")),
                ("remote", models.CharField(max_length=10, verbose_name="télétravail")),
                ("departement_code", models.CharField(max_length=3, verbose_name="département")),
                ("region_code", models.CharField(max_length=2, verbose_name="région")),
                ("latitude", models.FloatField(null=True, verbose_name="latitude")),
                ("longitude", models.FloatField(null=True, verbose_name="longitude")),
                ("salary_min", models.PositiveIntegerField(null=True, verbose_name="salaire minimum")),
                ("salary_max", models.PositiveIntegerField(null=True, verbose_name="salaire maximum")),
                ("live", models.BooleanField(verbose_name="publiée")),
                ("go_live_at", models.DateTimeField(null=True, verbose_name="publication programmée")),
                ("expire_at", models.DateTimeField(null=True, verbose_name="expiration programmée")),
                ("first_published_at", models.DateTimeField(null=True, verbose_name="première publication")),
                ("deadline", models.DateField(verbose_name="date limite de candidature")),
                ("filled_at", models.DateField(null=True, verbose_name="pourvue le")),
                ("title", django.contrib.postgres.search.SearchVectorField(verbose_name="titre")),
                ("text", django.contrib.postgres.search.SearchVectorField(verbose_name="texte")),
            ],
            options={
                "verbose_name": "document de recherche d'une offre",
                "verbose_name_plural": "documents de recherche des offres",
            },
        ),
        postgres_only(CREATE, DROP),
    ]
