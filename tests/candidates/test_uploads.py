"""CV uploads, fuzzed: whatever comes in that is not a plain, reasonable PDF gets a clear French
refusal, and nothing is stored (no row, no file in the private storage)."""

import zlib

import pytest

from candidates.models import Application
from demo.cv_files import cv_pdf

from .helpers import cv_file, receiving_offer, signed_in_client, stored_files

pytestmark = pytest.mark.django_db


def with_object(pdf, body):
    """`pdf` with one more object (the cross-reference table is not what the check reads)."""
    head, tail = pdf.split(b"xref\n", 1)
    return head + b"9 0 obj\n" + body + b"\nendobj\nxref\n" + tail


def stream_object(data, dictionary=b""):
    packed = zlib.compress(data)
    return (
        b"<< " + dictionary + b" /Filter /FlateDecode /Length " + str(len(packed)).encode() + b" >>\nstream\n"
        b"" + packed + b"\nendstream"
    )


VALID = cv_pdf(["Camille Martin", "Développeuse Python"])
REFUSED = {
    "une image nommée .pdf": (b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "n&#x27;est pas un PDF"),
    "un texte nommé .pdf": (b"Bonjour, voici mon CV", "n&#x27;est pas un PDF"),
    "un zip nommé .pdf": (b"PK\x03\x04" + b"\0" * 100, "n&#x27;est pas un PDF"),
    "un PDF tronqué": (VALID[: len(VALID) // 2], "endommagé ou incomplet"),
    "un en-tête PDF sans rien": (b"%PDF-1.7\n%%EOF\n", "endommagé ou incomplet"),
    "un flux qui ne se décompresse pas": (
        with_object(VALID, b"<< /Filter /FlateDecode /Length 9 >>\nstream\nnot zlib!\nendstream"),
        "endommagé ou incomplet",
    ),
    "du JavaScript à l'ouverture": (
        cv_pdf(["CV"], extra_catalog=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
        "contenu actif",
    ),
    "du JavaScript au nom déguisé": (
        cv_pdf(["CV"], extra_catalog=b"/Names << /J#61vaScript 9 0 R >> "),
        "contenu actif",
    ),
    "du JavaScript dans un flux d'objets compressé": (
        with_object(
            VALID, stream_object(b"10 0 << /S /JavaScript /JS (app.alert(1)) >>", b"/Type /ObjStm /N 1 /First 5")
        ),
        "contenu actif",
    ),
    "un programme lancé": (
        cv_pdf(["CV"], extra_catalog=b"/AA << /O << /S /Launch /F (calc.exe) >> >> "),
        "contenu actif",
    ),
    "un fichier joint": (cv_pdf(["CV"], extra_catalog=b"/Names << /EmbeddedFiles 9 0 R >> "), "contenu actif"),
    "une bombe de décompression": (with_object(VALID, stream_object(b"\0" * (100 * 1024 * 1024))), "trop volumineux"),
    "un PDF chiffré": (
        VALID.replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /Filter /Standard >>"),
        "protégé par un mot de passe",
    ),
    "un fichier vide": (b"", "Ce fichier est vide"),
}


@pytest.fixture
def candidate_client(client):
    return signed_in_client(client)


@pytest.fixture
def offer():
    return receiving_offer()


@pytest.mark.parametrize("case", REFUSED)
def test_refused_uploads_get_a_clear_message_and_nothing_is_stored(candidate_client, offer, settings, case):
    content, message = REFUSED[case]

    response = candidate_client.post(
        f"/espace-candidat/postuler/{offer.pk}/",
        {"cover_letter": "Ma lettre.", "cv": cv_file(content=content, name="cv.pdf")},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()
    assert stored_files(settings) == []


def test_a_file_over_the_size_limit_is_refused_without_being_read_whole(candidate_client, offer, settings):
    settings.CANDIDATES_CV_MAX_BYTES = 1024 * 1024
    big = VALID.replace(b"%%EOF", b"%" + b"x" * 1_500_000 + b"\n%%EOF")

    response = candidate_client.post(
        f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "Ma lettre.", "cv": cv_file(content=big)}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Ce fichier dépasse 1\u00a0Mo. Envoyez un PDF plus léger." in page
    assert not Application.objects.exists() and stored_files(settings) == []


@pytest.mark.parametrize(
    "content",
    [
        VALID,
        cv_pdf(["Sans compression"], compress=False),
        # What office suites write: the page to open at, not an action.
        cv_pdf(["CV"], extra_catalog=b"/OpenAction [3 0 R /XYZ null null 0] "),
    ],
)
def test_plain_pdfs_are_accepted(candidate_client, offer, settings, content):
    response = candidate_client.post(
        f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "Ma lettre.", "cv": cv_file(content=content)}
    )

    assert response.status_code == 302
    [path] = stored_files(settings)
    assert path.read_bytes() == content


def test_bodies_over_the_limits_get_a_french_answer_not_an_error(candidate_client, offer, settings):
    settings.CANDIDATES_CV_MAX_BYTES = 1024
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048

    huge_file = candidate_client.post(
        f"/espace-candidat/postuler/{offer.pk}/",
        {"cover_letter": "Ma lettre.", "cv": cv_file(content=b"%PDF-1.4\n" + b"0" * 3 * 1024 * 1024)},
    )
    huge_letter = candidate_client.post(
        f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "x" * 10_000, "cv": cv_file()}
    )

    assert huge_file.status_code == 400
    assert "Ce fichier dépasse" in huge_file.content.decode()
    assert huge_letter.status_code == 413
    assert "Envoi trop volumineux" in huge_letter.content.decode()
    assert not Application.objects.exists() and stored_files(settings) == []
