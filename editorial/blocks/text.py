"""Text blocks: rich text, headings whose level the editor chooses, callouts and key figures."""

from django.conf import settings
from django.core.validators import validate_slug
from django.utils.text import slugify
from wagtail import blocks

from metnum_site.rich_text import rich_text_html

from .headings import HEADING_LEVELS, TitledBlock, level_number

# Headings go through the heading block, which gives them an anchor, a place in the table of
# contents and a checked level: rich text keeps the other safe features of the site.
TEXT_FEATURES = [feature for feature in settings.RICH_TEXT_FEATURES if feature not in {"h2", "h3", "h4"}]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["html"] = rich_text_html(value)
        return context

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        group = "Texte"
        template = "blocks/paragraph.html"


class HeadingValue(blocks.StructValue):
    @property
    def anchor_id(self):
        """The id of the heading: made unique on the page by `assign_anchors` when the page renders."""
        return getattr(self, "page_anchor", None) or self.get("anchor") or slugify(self.get("text", ""))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160, label="Titre")
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        search_index=False,
        label="Niveau",
        help_text="Les niveaux se suivent sans saut : un niveau 3 vient sous un niveau 2.",
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        validators=[validate_slug],
        search_index=False,
        label="Ancre",
        help_text="Facultatif : identifiant utilisé dans l'adresse (#ancre), en minuscules, chiffres et tirets. "
        "Déduit du titre sinon.",
    )

    def heading_levels(self, value):
        return [level_number(value.get("level") or "h2")]

    class Meta:
        icon = "title"
        label = "Intertitre"
        group = "Texte"
        value_class = HeadingValue
        template = "blocks/heading.html"


class CalloutBlock(TitledBlock):
    text = blocks.TextBlock(max_length=600, label="Texte")

    class Meta:
        icon = "info-circle"
        label = "Mise en avant"
        group = "Texte"
        template = "blocks/callout.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=20, label="Chiffre", help_text="Par exemple : « 1 200 » ou « 3 jours ».")
    label = blocks.CharBlock(max_length=120, label="Légende", help_text="Ce que le chiffre compte.")

    class Meta:
        icon = "order"
        label = "Chiffre clé"


class KeyFiguresBlock(TitledBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label="Chiffres")

    class Meta:
        icon = "order"
        label = "Chiffres clés"
        group = "Texte"
        template = "blocks/key_figures.html"
