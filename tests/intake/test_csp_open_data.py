"""manage.py intake csp: the weekly open data CSV of Choisir le service public, through the importer."""

import datetime
import urllib.error
from http.client import IncompleteRead

import pytest
from django.utils import timezone

from intake.adapters import CSP_COLUMNS
from intake.mapping import NO_DEADLINE, deadline_column
from intake.models import DigitalRule, SourceEmployer
from intake.reading import download
from jobs.importer import ImportFileError
from jobs.models import Institution, JobOffer
from tests.intake.helpers import csp_csv, csp_row, run_intake_command

pytestmark = pytest.mark.django_db


def write(tmp_path, rows, name="offres.csv", encoding="utf-8", bom=False, **options):
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + csp_csv(rows, **options).encode(encoding))
    return path


def test_a_digital_offer_is_mapped_faithfully(institutions, tmp_path):
    status, out, err = run_intake_command("csp", write(tmp_path, [csp_row()]))

    assert status == 0, err
    offer = JobOffer.objects.get(source="csp", external_id="2026-1000001")
    assert offer.live
    assert offer.institution.acronym == "DINUM"
    assert (offer.city, offer.postal_code, offer.departement_code) == ("Paris", "75007", "75")
    assert offer.category == "aplus"
    assert offer.versant == "etat"
    assert offer.remote == "partiel"
    assert offer.experience_level == "confirme"
    assert [contract.code for contract in offer.contract_types.all()] == ["titulaire_ou_contractuel"]
    assert offer.apply_url == "https://choisirleservicepublic.gouv.fr/offre-emploi/2026-1000001/"
    assert offer.deadline == timezone.localdate() + datetime.timedelta(days=30)
    assert timezone.localdate(offer.first_published_at) == timezone.localdate() - datetime.timedelta(days=10)
    assert "Fonction publique : État" in offer.missions
    assert "Python, Django" in offer.profile
    assert "Gardée : n° 2, référence « 2026-1000001 »" in out
    assert "contient « développ" in out


def test_a_second_run_changes_nothing_and_a_changed_record_updates(institutions, tmp_path):
    path = write(tmp_path, [csp_row()])
    run_intake_command("csp", path)
    status, out, _ = run_intake_command("csp", path)
    assert status == 0 and "inchangées : 1" in out

    run_intake_command("csp", write(tmp_path, [csp_row(**{"Télétravail": "Non"})]))
    assert JobOffer.objects.get(external_id="2026-1000001").remote == "aucun"


def test_no_deadline_and_other_natures(institutions, tmp_path):
    row = csp_row(
        **{
            "Date de fin de publication par défaut": "31/12/9999",
            "Nature de l'emploi": "Emploi ouvert uniquement aux contractuels",
            "Catégorie": "Catégorie B (profession intermédiaire)",
            "Télétravail": "",
        }
    )
    status, _, err = run_intake_command("csp", write(tmp_path, [row]))

    assert status == 0, err
    offer = JobOffer.objects.get(external_id="2026-1000001")
    published = timezone.localdate(offer.first_published_at)
    # No deadline: the last day of the month after next, moved on by the runs while the source lists it.
    assert offer.deadline > published and offer.deadline.year < 9999
    assert offer.deadline.isoformat() == deadline_column(None)
    assert offer.category == "b"
    assert [contract.code for contract in offer.contract_types.all()] == ["contractuel"]


@pytest.mark.parametrize(
    "today,deadline",
    [
        ("2026-12-04", "2027-02-28"),
        ("2026-12-31", "2027-02-28"),
        ("2027-01-01", "2027-03-31"),
        ("2027-06-30", "2027-08-31"),
    ],
)
def test_an_offer_without_deadline_stays_open_two_months_ahead_of_each_run(today, deadline):
    assert deadline_column(None, datetime.date.fromisoformat(today)) == deadline
    assert deadline_column(NO_DEADLINE, datetime.date.fromisoformat(today)) == deadline
    assert deadline_column(datetime.date(2027, 1, 15), datetime.date.fromisoformat(today)) == "2027-01-15"


def test_non_digital_jobs_are_dropped_with_the_reason(institutions, tmp_path):
    row = csp_row(**{"Référence": "2026-2", "Intitulé du poste": "Aide-soignante", "Métier": "Aide-soignante"})
    status, out, _ = run_intake_command("csp", write(tmp_path, [row]))

    assert status == 0
    assert "Écartée : n° 2, référence « 2026-2 », « Aide-soignante » : aucune règle" in out
    assert not JobOffer.objects.filter(source="csp").exists()


def test_the_comms_team_rules_decide(institutions, tmp_path):
    row = csp_row(**{"Intitulé du poste": "Géomaticienne", "Métier": "Géomaticienne / Géomaticien"})
    path = write(tmp_path, [row])
    assert "Écartée" in run_intake_command("csp", path)[1]

    DigitalRule.objects.create(field="metier", pattern="géomati")
    assert "Gardée" in run_intake_command("csp", path)[1]

    DigitalRule.objects.create(field="intitule", pattern="geomaticienne", decision="ecarter")
    status, out, _ = run_intake_command("csp", path, "--close-missing")
    assert "règle d'exclusion : intitulé du poste contient « geomaticienne »" in out


def test_an_unknown_employer_is_put_aside_never_created(institutions, tmp_path):
    row = csp_row(**{"Organisme de rattachement": "Direction du numérique de Nulle-Part"})
    path = write(tmp_path, [row])
    institutions_before = Institution.objects.count()

    status, out, _ = run_intake_command("csp", path)

    assert status == 0
    assert "Mise de côté : n° 2" in out
    assert Institution.objects.count() == institutions_before
    assert not JobOffer.objects.exists()
    employer = SourceEmployer.objects.get()
    assert (employer.name, employer.source, employer.records) == ("Direction du numérique de Nulle-Part", "csp", 1)

    employer.institution = Institution.objects.get(acronym="DINUM")
    employer.save()
    run_intake_command("csp", path)
    assert JobOffer.objects.get().institution.acronym == "DINUM"


@pytest.mark.parametrize(
    "name",
    ["Direction interministérielle du numérique", "direction interministerielle du numerique", "DINUM", "Dinum"],
)
def test_employers_match_by_name_or_acronym_ignoring_case_and_accents(institutions, tmp_path, name):
    run_intake_command("csp", write(tmp_path, [csp_row(**{"Organisme de rattachement": name})]))
    assert JobOffer.objects.get().institution.acronym == "DINUM"


def test_column_order_extra_columns_and_bom(institutions, tmp_path):
    columns = [*reversed(CSP_COLUMNS), "Colonne ajoutée en 2027"]
    status, out, err = run_intake_command("csp", write(tmp_path, [csp_row()], columns=columns, bom=True))

    assert status == 0, err
    assert "Colonnes inconnues ignorées : Colonne ajoutée en 2027" in out
    assert JobOffer.objects.get().city == "Paris"


def test_latin_1_file(institutions, tmp_path):
    row = csp_row(**{"Intitulé du poste": "Chargée d'études données", "Lieu d'affectation": "1 rue X : 91000 Évry"})
    status, _, err = run_intake_command("csp", write(tmp_path, [row], encoding="cp1252"))

    assert status == 0, err
    offer = JobOffer.objects.get()
    assert (offer.title, offer.city) == ("Chargée d'études données", "Évry")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "Le fichier est vide."),
        (b"\xef\xbb\xbf \r\n", "Le fichier est vide."),
        (csp_csv([]).encode(), "aucune offre, seulement l'en-tête"),
        (b"PK\x03\x04\x00\x00", "fichier binaire"),
        (
            "Référence;Intitulé du poste\r\n1;x\r\n".encode(),
            "Colonnes obligatoires absentes : Organisme de rattachement",
        ),
    ],
)
def test_unusable_files_are_refused(institutions, tmp_path, content, message):
    path = tmp_path / "offres.csv"
    path.write_bytes(content)
    status, _, err = run_intake_command("csp", path)
    assert status == 2
    assert message in err
    assert "rien n'a été enregistré" in err


def test_a_truncated_file_changes_nothing(institutions, tmp_path):
    run_intake_command("csp", write(tmp_path, [csp_row(), csp_row(**{"Référence": "2026-2"})]))
    text = csp_csv([csp_row(**{"Télétravail": "Non"}), csp_row(**{"Référence": "2026-2"})])
    truncated = tmp_path / "tronque.csv"
    truncated.write_text(text[: len(text) - 200], encoding="utf-8")

    status, _, err = run_intake_command("csp", truncated, "--close-missing")

    assert status == 2
    assert "tronqué" in err
    assert JobOffer.objects.filter(live=True).count() == 2
    assert JobOffer.objects.get(external_id="2026-1000001").remote == "partiel"


def test_an_unclosed_quote_is_refused(institutions, tmp_path):
    text = csp_csv([csp_row()]) + '"Direction;2026-3;"coupé en plein champ'
    path = tmp_path / "offres.csv"
    path.write_text(text, encoding="utf-8")
    status, _, err = run_intake_command("csp", path)
    assert status == 2


class Response:
    """A download that breaks after its first chunk."""

    headers = {"Content-Length": "999999"}

    def __init__(self, chunks, error=None):
        self.chunks, self.error = list(chunks), error

    def read(self, size):
        if self.chunks:
            return self.chunks.pop(0)
        if self.error:
            raise self.error
        return b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize(
    "response",
    [
        Response([b"Organisme;R"], IncompleteRead(b"", 100)),
        Response([b"Organisme;R"], TimeoutError("timed out")),
        Response([b"Organisme;R"]),  # fewer bytes than announced
    ],
)
def test_a_download_failing_half_way_leaves_nothing(tmp_path, monkeypatch, response):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with pytest.raises(ImportFileError, match="rien n'a été enregistré|Rien n'a été enregistré"):
        download("https://example.org/offres.csv", opener=lambda url, timeout: response)
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_url_is_refused(institutions, monkeypatch):
    def fail(url, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr("intake.reading.urllib.request.urlopen", fail)
    monkeypatch.setattr("intake.reading.download.__defaults__", (fail,))
    status, _, err = run_intake_command("csp", "https://example.invalid/offres.csv")
    assert status == 2
    assert "Téléchargement" in err
    assert not JobOffer.objects.exists()
