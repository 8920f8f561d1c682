"""Card blocks: groups of cards that lead somewhere."""

from wagtail import blocks

from editorial.presenters import CARD_RENDITION

from .headings import TitledBlock, TitledValue
from .links import OptionalLinkBlock
from .media import ImageBlock


def column_class(count):
    """Cards share a row evenly on large screens: two, three or four per row."""
    per_row = {1: 2, 2: 2, 4: 4}.get(count, 3)
    return f"fr-col-12 fr-col-md-6 fr-col-lg-{12 // per_row}"


class CardValue(blocks.StructValue):
    def card_data(self, heading_tag):
        """The django-dsfr `dsfr_card` arguments of this card."""
        link, image = self.get("link"), self.get("image")
        data = {
            "title": self.get("title"),
            "description": self.get("text", ""),
            "heading_tag": heading_tag,
            "extra_classes": "fr-card--shadow",
        }
        if link and link.url:
            data.update(link=link.url, new_tab=link.opens_new_window)
        else:
            data["enlarge_link"] = False
        if image and image.get("image"):
            data.update(image_url=image["image"].get_rendition(CARD_RENDITION).url, image_alt=image.alt)
        return data


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100, label="Titre")
    text = blocks.TextBlock(required=False, max_length=240, label="Texte")
    link = OptionalLinkBlock(label="Lien")
    image = ImageBlock(required=False, label="Image (facultative)")

    class Meta:
        icon = "doc-empty"
        label = "Carte"
        value_class = CardValue


class CardsValue(TitledValue):
    @property
    def cards_data(self):
        return [card.card_data(self.item_heading_tag) for card in self.get("cards", [])]

    @property
    def column_class(self):
        return column_class(len(self.get("cards", [])))


class CallToActionCardsBlock(TitledBlock):
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=6, label="Cartes")

    has_item_headings = True

    class Meta:
        icon = "grip"
        label = "Cartes d'appel à l'action"
        group = "Cartes"
        value_class = CardsValue
        template = "blocks/call_to_action_cards.html"
