"""Text blocks: paragraphs of rich text and headings whose level the editor chooses."""

from django.conf import settings
from django.utils.text import slugify
from wagtail import blocks

HEADING_LEVELS = [("h2", "Niveau 2"), ("h3", "Niveau 3"), ("h4", "Niveau 4")]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", settings.RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        group = "Texte"
        template = "blocks/paragraph.html"


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self):
        return self.get("anchor") or slugify(self.get("text", ""))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160, label="Titre")
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        label="Niveau",
        help_text="Les niveaux se suivent sans saut : un niveau 3 vient sous un niveau 2.",
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        label="Ancre",
        help_text="Facultatif : identifiant utilisé dans l'adresse (#ancre). Déduit du titre sinon.",
    )

    class Meta:
        icon = "title"
        label = "Intertitre"
        group = "Texte"
        value_class = HeadingValue
        template = "blocks/heading.html"
