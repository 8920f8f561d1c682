"""What a ministry editor may upload, through the real admin views (one file, several files): images
up to 40 megapixels and 10 MB, documents up to 10 MB, no SVG. Every refusal says why in French."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.jobs.permission_world import logged_in, module_world

pytestmark = pytest.mark.django_db

TOO_MANY_PIXELS = "Cette image compte trop de pixels : 40 millions au plus (par exemple 8\u00a0000 × 5\u00a0000)."
TOO_BIG = "Ce fichier est trop gros (10,0\u00a0Mio). La taille de fichier maximale est de 10,0\u00a0Mio."
NOT_AN_IMAGE_FORMAT = "Format d'image non supporté. Formats supportés : GIF, JPG, JPEG, PNG, WEBP."


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        yield world


@pytest.fixture
def editor(world, db):
    return logged_in(world.ministry_editor)


def png(width, height, noise=False):
    """A PNG of width × height pixels: black and white (a few kilobytes) or random colours (as big
    as its pixels)."""
    if noise:
        image = PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = PILImage.new("1", (width, height))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return SimpleUploadedFile(f"image-{width}x{height}.png", buffer.getvalue(), content_type="image/png")


SVG = SimpleUploadedFile(
    "logo.svg",
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    content_type="image/svg+xml",
)


def upload_image(client, world, file):
    """The one-image form: the French errors of its file field (none when the image was accepted)."""
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo d'équipe", "file": file, "collection": world.own_space.collection.pk},
    )
    assert response.status_code in (200, 302)
    return [] if response.status_code == 302 else list(response.context["form"].errors.get("file", []))


def upload_images(client, world, file):
    """The multiple-upload view: its JSON answer."""
    response = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": file, "collection": world.own_space.collection.pk}
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(("width", "height"), [(12_000, 10_000), (8_100, 5_000)], ids=["120-mp", "40.5-mp"])
def test_an_image_over_40_megapixels_is_refused_in_french(editor, world, width, height):
    assert upload_image(editor, world, png(width, height)) == [TOO_MANY_PIXELS + " " + RETRY]
    answer = upload_images(editor, world, png(width, height))
    assert answer["success"] is False
    assert TOO_MANY_PIXELS in answer["error_message"]
    assert not Image.objects.exists()


RETRY = "Réduisez ses dimensions, puis envoyez-la de nouveau."


def test_an_image_of_40_megapixels_is_accepted(editor, world):
    assert upload_image(editor, world, png(8_000, 5_000)) == []
    assert Image.objects.get().width == 8_000


def test_an_image_over_10_mb_is_refused_in_french(editor, world):
    big = png(1_900, 1_900, noise=True)
    assert big.size > 10 * 1024 * 1024

    [error] = upload_image(editor, world, big)
    assert error.startswith("Ce fichier est trop gros (") and error.endswith(
        "La taille de fichier maximale est de 10,0\u00a0Mio."
    )
    assert upload_images(editor, world, png(1_900, 1_900, noise=True))["success"] is False
    assert not Image.objects.exists()


def test_an_svg_image_is_refused_in_french(editor, world):
    assert upload_image(editor, world, SVG) == [NOT_AN_IMAGE_FORMAT]
    SVG.seek(0)
    assert NOT_AN_IMAGE_FORMAT in upload_images(editor, world, SVG)["error_message"]
    assert not Image.objects.exists()


def test_a_document_over_10_mb_is_refused_in_french(editor, world):
    def big_pdf():
        return SimpleUploadedFile(
            "fiche.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
        )

    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Fiche", "file": big_pdf(), "collection": world.own_space.collection.pk}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    [error] = errors
    assert error.startswith("Ce fichier est trop gros (10,0\u00a0Mio).")
    assert error.endswith("La taille de fichier maximale est de 10,0\u00a0Mio.")
    answer = editor.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": big_pdf(), "collection": world.own_space.collection.pk}
    ).json()
    assert answer["success"] is False and "Ce fichier est trop gros" in answer["error_message"]
    assert not Document.objects.exists()
