"""What editors may upload: images up to WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels and
WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes, documents up to WAGTAILDOCS_MAX_UPLOAD_SIZE bytes, in the
formats of WAGTAILIMAGES_EXTENSIONS (no SVG: it can carry scripts) and WAGTAILDOCS_EXTENSIONS.

Wagtail checks all of it, in every upload view (single, multiple, choosers). Its French messages
are clear, except the one about pixels ("Ce fichier a un trop grand nombre de pixels (120000000).
Nombre maximum 40000000."): `ImageForm`, the base of Wagtail's image forms
(WAGTAILIMAGES_IMAGE_FORM_BASE), says it in words an editor can act on. And a document refused for
its size also got "L'extension de fichier « » n'est pas autorisée" (Wagtail's Document.clean looks
at the file the form has just refused): `DocumentForm` (WAGTAILDOCS_DOCUMENT_FORM_BASE) leaves only
the first message.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


def too_many_pixels_message():
    pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    width = int((pixels * 8 / 5) ** 0.5)  # an example in the 16:10 ratio of a photo
    return (
        f"Cette image compte trop de pixels : {pixels / 1_000_000:g} millions au plus "
        f"(par exemple {thousands(width)} × {thousands(pixels // width)}). "
        "Réduisez ses dimensions, puis envoyez-la de nouveau."
    )


def thousands(number):
    return f"{number:,}".replace(",", "\u00a0")


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_many_pixels"] = too_many_pixels_message()


class DocumentForm(BaseDocumentForm):
    def add_error(self, field, error):
        if field is None and self.has_error("file") and "file" in getattr(error, "error_dict", {}):
            # The model's check of a file the form already refused: nothing more to say.
            others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not others:
                return
            error = ValidationError(others)
        super().add_error(field, error)
