"""Media blocks: images with an alternative text (or an explicit "decorative" choice), galleries and
videos with a transcript."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from metnum_site.rich_text import rich_text_html

from .headings import TitledBlock, TitledValue
from .text import TEXT_FEATURES


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """The alternative text; empty for a decorative image, which screen readers then skip."""
        return "" if self.get("decorative") else self.get("alt_text", "")


class ImageBlock(blocks.StructBlock):
    """An image with either an alternative text or an explicit "decorative" choice, never both nor neither.
    With `required=False` the whole block may stay empty (a card without image, for instance)."""

    image = ImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label="Texte alternatif",
        help_text="Ce que l'image apporte au texte, pour qui ne la voit pas. Ne commencez pas par « Image de ».",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Image décorative",
        help_text="Cochez si l'image n'apporte aucune information : elle sera ignorée par les lecteurs d'écran.",
    )
    caption = blocks.CharBlock(required=False, max_length=250, label="Légende")

    def __init__(self, local_blocks=None, required=True, **kwargs):
        local_blocks = [("image", ImageChooserBlock(required=required, label="Image")), *(local_blocks or [])]
        super().__init__(local_blocks, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("image"):
            if value.get("alt_text") or value.get("caption"):
                raise blocks.StructBlockValidationError(
                    block_errors={"image": ValidationError("Choisissez l'image que ce texte décrit.")}
                )
            return value
        has_alt, decorative = bool(value.get("alt_text", "").strip()), bool(value.get("decorative"))
        if has_alt and decorative:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Une image décorative n'a pas de texte alternatif : videz ce champ ou décochez "
                        "« Image décorative »."
                    )
                }
            )
        if not has_alt and not decorative:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Saisissez un texte alternatif, ou cochez « Image décorative » si l'image n'apporte "
                        "aucune information."
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = "Image"
        group = "Médias"
        value_class = ImageValue
        template = "blocks/image.html"


class GalleryBlock(TitledBlock):
    images = blocks.ListBlock(ImageBlock(), min_num=2, max_num=12, label="Images")

    class Meta:
        icon = "image"
        label = "Galerie d'images"
        group = "Médias"
        template = "blocks/gallery.html"


class VideoValue(TitledValue):
    @property
    def transcript_html(self):
        return rich_text_html(self.get("transcript"))


class VideoBlock(TitledBlock):
    video = EmbedBlock(label="Adresse de la vidéo", help_text="YouTube, Dailymotion, Vimeo ou PeerTube.")
    transcript = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        label="Transcription ou alternative textuelle",
        help_text="Obligatoire : tout ce qui est dit et montré, pour les personnes qui ne peuvent ni voir ni "
        "entendre la vidéo.",
    )

    class Meta:
        icon = "media"
        label = "Vidéo"
        group = "Médias"
        value_class = VideoValue
        template = "blocks/video.html"
