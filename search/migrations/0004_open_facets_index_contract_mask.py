"""The covering index of search/0003 gains JobOffer.contract_mask (jobs/0005): contract types are
filtered and counted from it, still with an index-only scan."""

from django.db import migrations

from search.migrations._postgres import postgres_only

INDEX = "search_joboffer_open_facets"
COLUMNS = (
    "id, institution_id, profession_id, category, experience_level, region_code, departement_code, remote, "
    "go_live_at, expire_at, first_published_at, salary_min, salary_max"
)
WHERE = "WHERE live AND filled_at IS NULL"


class Migration(migrations.Migration):
    dependencies = [("search", "0003_joboffer_open_facets_index"), ("jobs", "0005_joboffer_contract_mask")]

    operations = [
        postgres_only(
            f"DROP INDEX IF EXISTS {INDEX}; "
            f"CREATE INDEX {INDEX} ON jobs_joboffer (deadline) INCLUDE ({COLUMNS}, contract_mask) {WHERE}",
            f"DROP INDEX IF EXISTS {INDEX}; CREATE INDEX {INDEX} ON jobs_joboffer (deadline) INCLUDE ({COLUMNS}) {WHERE}",
        )
    ]
