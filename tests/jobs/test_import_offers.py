"""Importing offers: upserts, revisions, publication, closing, and bad rows reported and skipped."""

import datetime
import gc
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail.signals import published

from jobs import importer
from jobs.importer import import_offers
from jobs.indexing import deferred_offer_indexing
from jobs.models import JobOffer, Skill
from tests.factories import JobOfferFactory
from tests.jobs.importing import many_rows, run_import, write_csv

TODAY = timezone.localdate()
ROWS_REJECTED = 1

# Ten ways to get a row wrong, each reported on its own field: (row index, column, value).
MALFORMED = [
    (3, "institution", "Ministère des Licornes"),
    (57, "postal_code", "99999"),
    (120, "salary_min", "70000"),  # above the row's maximum
    (250, "salary_min", "9000"),  # below the legal floor of 15 000
    (333, "deadline", "2026-02-30"),
    (404, "contract_types", "titulaire_ou_contractuel|cdi"),
    (512, "title", ""),
    (640, "apply_url", ""),  # and apply_email emptied too: no way to apply
    (777, "deadline", (TODAY - datetime.timedelta(days=200)).isoformat()),  # before publication
    (901, "apply_email", "pas-une-adresse"),
]
EXPECTED_FIELD = {120: "salary_max", 640: "apply_url"}  # cross-field rules report on the second field


def thousand_rows():
    rows = many_rows(1000)
    for index, column, value in MALFORMED:
        rows[index][column] = value
        if index == 120:
            rows[index]["salary_max"] = "60000"
        if index == 640:
            rows[index]["apply_email"] = ""
        if index == 901:
            rows[index]["apply_url"] = ""
    return rows


def test_a_thousand_rows_with_ten_bad_ones(tmp_path, institutions):
    rows = thousand_rows()
    path = tmp_path / "offres.csv"
    starts = write_csv(path, rows)
    bad_ids = {rows[index]["external_id"] for index, _, _ in MALFORMED}

    # A dry run judges every row and writes nothing.
    status, out, err = run_import(path, "--dry-run")
    assert status == ROWS_REJECTED
    assert "créées : 990" in out and "rejetées : 10" in out
    assert not JobOffer.objects.exists() and not Revision.objects.exists()

    # The real run imports the 990 good rows and reports the 10 others with their line and field.
    status, out, err = run_import(path)
    assert status == ROWS_REJECTED
    assert "créées : 990, mises à jour : 0, inchangées : 0, rejetées : 10, fermées : 0" in out
    reported = [line for line in err.splitlines() if line.startswith("Rejetée")]
    assert len(reported) == 10
    for (index, column, _), line in zip(MALFORMED, reported, strict=True):
        where = f"ligne {starts[index]} (external_id « {rows[index]['external_id']} »)"
        assert line.startswith(f"Rejetée : {where}, {EXPECTED_FIELD.get(index, column)} :")
    assert "10 lignes rejetées" in err
    imported = JobOffer.objects.filter(source="test")
    assert imported.count() == 990
    assert not imported.filter(external_id__in=bad_ids).exists()
    assert imported.filter(live=True).count() == 990
    assert Revision.objects.count() == 990
    expired = imported.filter(deadline__lt=TODAY).count()
    assert expired and JobOffer.objects.open().count() == 990 - expired

    # The same file again: nothing changes, not even a revision.
    status, out, _ = run_import(path)
    assert status == ROWS_REJECTED
    assert "créées : 0, mises à jour : 0, inchangées : 990, rejetées : 10" in out
    assert Revision.objects.count() == 990

    # One changed row: exactly one new revision, published.
    rows[10]["title"] = "Data engineer (poste renouvelé)"
    write_csv(path, rows)
    status, out, _ = run_import(path)
    assert "créées : 0, mises à jour : 1, inchangées : 989" in out
    assert Revision.objects.count() == 991
    changed = JobOffer.objects.get(external_id=rows[10]["external_id"])
    assert changed.title == "Data engineer (poste renouvelé)"
    assert changed.revisions.count() == 2 and changed.live_revision == changed.latest_revision

    # A shorter file with --close-missing closes (unpublishes) the offers it no longer lists.
    kept = rows[:500]
    write_csv(path, kept)
    closed_ids = set(imported.values_list("external_id", flat=True)) - {row["external_id"] for row in kept}
    status, out, _ = run_import(path, "--close-missing")
    assert f"fermées : {len(closed_ids)}" in out
    assert len(closed_ids) == 990 - 494  # 6 of the 10 bad rows are in the first 500
    assert not JobOffer.objects.open().filter(external_id__in=closed_ids).exists()
    assert not imported.filter(external_id__in=closed_ids, live=True).exists()
    assert imported.filter(live=True).count() == 494


def test_close_missing_leaves_other_sources_and_manual_offers_alone(offer_row):
    import_offers([offer_row, dict(offer_row, external_id="OFFRE-2")], "csp")
    import_offers([offer_row], "talentsoft")
    manual = JobOfferFactory(published=True)

    result = import_offers([offer_row], "csp", close_missing=True)

    assert result.closed == 1
    assert not JobOffer.objects.get(source="csp", external_id="OFFRE-2").live
    assert JobOffer.objects.get(source="csp", external_id="OFFRE-1").live
    assert JobOffer.objects.get(source="talentsoft", external_id="OFFRE-1").live
    manual.refresh_from_db()
    assert manual.live


def test_a_closed_offer_listed_again_is_published_again(offer_row):
    import_offers([offer_row, dict(offer_row, external_id="OFFRE-2")], "csp")
    import_offers([offer_row], "csp", close_missing=True)

    result = import_offers([offer_row, dict(offer_row, external_id="OFFRE-2")], "csp")

    assert (result.updated, result.unchanged) == (1, 1)
    assert JobOffer.objects.open().filter(external_id="OFFRE-2").exists()


def test_imported_values_land_in_the_offer(offer_row):
    result = import_offers([dict(offer_row, institution="direction INTERMINISTERIELLE du numerique")], "csp")

    assert result.created == 1, result.errors
    offer = JobOffer.objects.get()
    assert offer.institution.acronym == "DINUM"
    assert offer.profession.slug == "developpement"
    assert sorted(offer.contract_types.values_list("code", flat=True)) == ["contractuel", "titulaire_ou_contractuel"]
    assert sorted(offer.skills.names()) == ["Django", "Python"]
    assert (offer.salary_min, offer.salary_max, offer.category, offer.remote) == (45000, 55000, "a", "partiel")
    assert offer.missions == "<p>Construire des services publics.</p><ul><li>coder</li><li>tester</li></ul>"
    assert timezone.localdate(offer.first_published_at) == TODAY - datetime.timedelta(days=3)
    assert offer.deadline == TODAY + datetime.timedelta(days=30)
    assert offer.slug == "developpeur-se-full-stack-python-django"
    assert offer.live and offer.live_revision == offer.latest_revision
    actions = list(ModelLogEntry.objects.filter(object_id=str(offer.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["wagtail.create", "wagtail.publish"]
    assert offer.is_open()


@pytest.mark.parametrize(
    "column, value",
    [("institution", "ministere-armees"), ("institution", "Ministère des ARMÉES"), ("institution", "minarm")],
)
def test_institutions_match_by_name_acronym_or_slug_ignoring_case_and_accents(offer_row, column, value):
    result = import_offers([dict(offer_row, **{column: value})], "csp")

    assert result.created == 1, result.errors
    assert JobOffer.objects.get().institution.slug == "ministere-armees"


def test_the_context_column_fills_team_and_context_and_its_absence_keeps_the_editors_text(offer_row):
    import_offers([dict(offer_row, context="Une équipe de six personnes.")], "csp")
    offer = JobOffer.objects.get()
    assert offer.team_context == "<p>Une équipe de six personnes.</p>"

    offer.team_context = "<p>Texte de l'éditrice.</p>"
    offer.save_revision().publish()
    without_context = {key: value for key, value in offer_row.items() if key != "context"}
    result = import_offers([dict(without_context, title="Nouvel intitulé")], "csp")

    assert result.updated == 1, result.errors
    offer = JobOffer.objects.get()
    assert (offer.title, offer.team_context) == ("Nouvel intitulé", "<p>Texte de l'éditrice.</p>")
    import_offers([dict(offer_row, context="")], "csp")
    assert JobOffer.objects.get().team_context == ""


def test_an_imported_row_is_cleaned_not_refused(offer_row):
    result = import_offers(
        [dict(offer_row, title="Data\x0bengineer\x00 – Pôle\x0cdonnées", description="Des\x0bmissions.")], "csp"
    )

    assert result.created == 1, result.errors
    offer = JobOffer.objects.get()
    assert offer.title == "Data engineer – Pôle données"
    assert offer.missions == "<p>Des missions.</p>"


def test_professions_match_by_name(offer_row):
    import_offers([dict(offer_row, profession="infrastructure & CLOUD")], "csp")

    assert JobOffer.objects.get().profession.slug == "infrastructure-cloud"


def test_first_publication_date_is_kept_when_the_offer_is_republished(offer_row):
    import_offers([offer_row], "csp")
    first_published_at = JobOffer.objects.get().first_published_at

    import_offers([dict(offer_row, title="Nouveau titre", published_at="")], "csp")

    offer = JobOffer.objects.get()
    assert offer.title == "Nouveau titre"
    assert offer.first_published_at == first_published_at
    assert offer.last_published_at > first_published_at
    assert offer.slug == "developpeur-se-full-stack-python-django"  # stable once published


def test_an_empty_deadline_takes_the_default_two_months_after_publication(offer_row):
    import_offers([dict(offer_row, deadline="", published_at="2026-01-31")], "csp", today=datetime.date(2026, 2, 10))

    assert JobOffer.objects.get().deadline == datetime.date(2026, 3, 31)


def test_draft_import_publishes_nothing_then_a_normal_import_publishes(offer_row):
    result = import_offers([offer_row], "csp", draft=True)

    offer = JobOffer.objects.get()
    assert result.created == 1 and not offer.live and offer.first_published_at is None
    assert import_offers([offer_row], "csp", draft=True).unchanged == 1

    result = import_offers([offer_row], "csp")

    offer.refresh_from_db()
    assert result.updated == 1 and offer.live
    assert timezone.localdate(offer.first_published_at) == TODAY - datetime.timedelta(days=3)


def test_draft_changes_to_a_live_offer_wait_in_a_revision(offer_row):
    import_offers([offer_row], "csp")

    result = import_offers([dict(offer_row, title="Titre en attente")], "csp", draft=True)

    offer = JobOffer.objects.get()
    assert result.updated == 1
    assert offer.title == offer_row["title"] and offer.live and offer.has_unpublished_changes
    assert offer.latest_revision.as_object().title == "Titre en attente"
    assert import_offers([dict(offer_row, title="Titre en attente")], "csp", draft=True).unchanged == 1


def test_a_row_that_fails_while_being_written_leaves_nothing_behind(offer_row):
    rows = [dict(offer_row, external_id=str(number), skills=f"Compétence {number}") for number in range(3)]
    original = JobOffer.serializable_data

    def fail_on_second_offer(offer, *args, **kwargs):
        if offer.external_id == "1":
            raise IntegrityError("panne simulée")
        return original(offer, *args, **kwargs)

    # The failure hits the batch the new offers are written in, then that row when the others are
    # written one by one.
    with mock.patch.object(JobOffer, "serializable_data", fail_on_second_offer):
        result = import_offers(rows, "csp")

    assert (result.created, result.rejected) == (2, 1)
    assert "panne simulée" in result.errors[0].message
    assert set(JobOffer.objects.values_list("external_id", flat=True)) == {"0", "2"}
    assert Revision.objects.count() == 2
    assert not Skill.objects.filter(name="Compétence 1").exists()
    # The tag created for the failed row is not reused by later rows as if it existed.
    assert import_offers([dict(offer_row, external_id="3", skills="Compétence 1")], "csp").created == 1


def test_imported_offers_are_in_the_search_index_and_manual_saves_still_index(offer_row):
    import_offers([dict(offer_row, title="Cartographe des données maritimes")], "csp")
    manual = JobOfferFactory(title="Océanographe numérique", published=True)

    backend = get_search_backend()

    assert [offer.external_id for offer in backend.search("Cartographe", JobOffer)] == ["OFFRE-1"]
    assert [offer.pk for offer in backend.search("Océanographe", JobOffer)] == [manual.pk]


def test_an_offer_changed_after_its_batch_is_indexed_as_it_ends_up(offer_row):
    """The flush indexes a new offer from the copy its batch read back, unless the offer was saved
    again in the meantime."""
    first = dict(offer_row, title="Cartographe des données maritimes", skills="Python")
    with deferred_offer_indexing() as indexing:
        import_offers([first], "csp")
        offer = JobOffer.objects.get()
        offer.title = "Hydrographe des données maritimes"
        offer.skills.add("Fortran")  # written by save(), like the admin form's tags
        offer.save()
        indexing.flush()

    backend = get_search_backend()
    assert [found.pk for found in backend.search("Hydrographe", JobOffer)] == [offer.pk]
    assert [found.pk for found in backend.search("Fortran", JobOffer)] == [offer.pk]
    assert not list(backend.search("Cartographe", JobOffer))


def test_a_published_at_in_the_future_is_refused(offer_row):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()

    result = import_offers([dict(offer_row, published_at=tomorrow)], "csp")

    assert result.rejected == 1 and result.errors[0].field == "published_at"
    assert not JobOffer.objects.exists()


def test_each_imported_offer_sends_wagtails_published_signal_once(offer_row):
    received = []

    def receiver(sender, instance, revision, **kwargs):
        received.append((instance.external_id, revision.pk == instance.live_revision_id))

    published.connect(receiver, sender=JobOffer)
    try:
        import_offers([offer_row, dict(offer_row, external_id="OFFRE-2")], "csp")
        import_offers([dict(offer_row, title="Titre changé"), dict(offer_row, external_id="OFFRE-2")], "csp")
    finally:
        published.disconnect(receiver, sender=JobOffer)

    assert received == [("OFFRE-1", True), ("OFFRE-2", True), ("OFFRE-1", True)]


def test_an_import_leaves_the_same_revisions_logs_and_references_as_saving_offers_one_by_one(offer_row):
    rows = [
        dict(offer_row, external_id=f"OFFRE-{number}", institution=institution, skills=f"Python|Rust {number % 2}")
        for number, institution in enumerate(["DINUM", "ANSSI", "DINUM", "Insee"])
    ]
    import_offers(rows, "csp")
    offers = list(JobOffer.objects.order_by("pk"))

    # Same titles in one batch, distinct slugs.
    assert len({offer.slug for offer in offers}) == 4
    for offer in offers:
        assert offer.live and not offer.has_unpublished_changes
        assert offer.live_revision == offer.latest_revision
        restored = offer.latest_revision.as_object()
        assert sorted(restored.skills.names()) == sorted(offer.skills.names())
        assert list(restored.contract_types.all()) == list(offer.contract_types.all())
        assert restored.institution == offer.institution
        actions = ModelLogEntry.objects.filter(object_id=str(offer.pk), content_type__model="joboffer")
        assert sorted(actions.values_list("action", flat=True)) == ["wagtail.create", "wagtail.publish"]

    offer_references = ReferenceIndex.objects.filter(base_content_type__model="joboffer")

    def references():
        return sorted(
            offer_references.values_list(
                "content_type", "base_content_type", "object_id", "to_content_type", "to_object_id", "content_path"
            )
        )

    imported = references()
    assert imported, "the offers reference their institutions and professions"
    offer_references.delete()
    with transaction.atomic():
        for offer in offers:
            ReferenceIndex.create_or_update_for_object(offer)
    assert references() == imported


def test_namesakes_across_creation_batches_get_the_next_free_slugs(offer_row, monkeypatch):
    monkeypatch.setattr("jobs.importer.CREATION_BATCH_SIZE", 20)
    JobOfferFactory(title=offer_row["title"], published=True)  # already holds the plain slug
    rows = [dict(offer_row, external_id=f"OFFRE-{number}") for number in range(45)]

    assert import_offers(rows, "csp").created == 45

    base = "developpeur-se-full-stack-python-django"
    slugs = set(JobOffer.objects.filter(source="csp").values_list("slug", flat=True))
    assert slugs == {f"{base}-{number}" for number in range(2, 47)}


def test_the_offers_of_a_written_batch_are_freed_before_the_next_one(institutions, monkeypatch):
    """A written batch leaves its offers in reference cycles that only a full collection frees; the
    collector's own full passes are rare, so 5,000 offers once piled up 15 MB. With automatic
    collection off, only the importer's own collection after each batch can free them."""
    monkeypatch.setattr(importer, "CREATION_BATCH_SIZE", 5)
    alive_at_each_batch = []
    create_batch = importer.OfferImporter._create_batch

    def counting_create_batch(self, result):
        alive_at_each_batch.append(sum(1 for item in gc.get_objects() if isinstance(item, JobOffer)))
        create_batch(self, result)

    monkeypatch.setattr(importer.OfferImporter, "_create_batch", counting_create_batch)
    gc.collect()
    gc.disable()
    try:
        result = import_offers(many_rows(40), "test")
    finally:
        gc.enable()

    assert result.created == 40
    assert len(alive_at_each_batch) >= 8
    # The batch about to be written, and nothing of the ones before it.
    assert max(alive_at_each_batch) <= 2 * importer.CREATION_BATCH_SIZE
