"""Layout blocks: the page hero and the accordion (questions and answers)."""

from wagtail import blocks

from metnum_site.rich_text import rich_text_html

from .headings import TitledBlock, TitledValue
from .media import ImageBlock
from .text import ParagraphBlock


class HeroBlock(blocks.StructBlock):
    """The opening of a page. Its title is the page's only h1, so it may only be the first block."""

    title = blocks.CharBlock(max_length=120, label="Titre principal")
    text = blocks.TextBlock(required=False, max_length=400, label="Texte d'accroche")
    image = ImageBlock(required=False, label="Image (facultative)")
    show_offer_search = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Afficher la recherche d'offres",
        help_text="Ajoute un champ de recherche qui mène à la liste des offres.",
    )

    def heading_levels(self, value):
        return [1]

    class Meta:
        icon = "image"
        label = "Bandeau d'ouverture"
        group = "Mise en page"
        template = "blocks/hero.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label="Question ou intitulé")
    answer = ParagraphBlock(label="Réponse")

    class Meta:
        icon = "help"
        label = "Question"


class AccordionValue(TitledValue):
    @property
    def accordion_items(self):
        """The django-dsfr `dsfr_accordion_group` items. The answer is sanitised rich text, marked safe."""
        return [
            {"title": item["question"], "content": rich_text_html(item["answer"]), "heading_tag": self.item_heading_tag}
            for item in self.get("items", [])
        ]


class AccordionBlock(TitledBlock):
    items = blocks.ListBlock(QuestionBlock(), min_num=1, max_num=20, label="Questions")

    has_item_headings = True

    class Meta:
        icon = "list-ul"
        label = "Accordéon (questions fréquentes)"
        group = "Mise en page"
        value_class = AccordionValue
        template = "blocks/accordion.html"
