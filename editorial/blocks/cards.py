"""Card blocks: groups of cards that lead somewhere."""

from wagtail import blocks

from .links import OptionalLinkBlock


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100, label="Titre")
    text = blocks.TextBlock(required=False, max_length=240, label="Texte")
    link = OptionalLinkBlock(label="Lien")

    class Meta:
        icon = "doc-empty"
        label = "Carte"


class CardsValue(blocks.StructValue):
    @property
    def card_heading_tag(self):
        """Cards sit one level below the group's heading, or at level 2 when the group has none."""
        return "h3" if self.get("heading") else "h2"

    @property
    def column_class(self):
        """Cards share a row evenly on large screens: two, three or four per row."""
        per_row = {1: 2, 2: 2, 4: 4}.get(len(self.get("cards", [])), 3)
        return f"fr-col-12 fr-col-md-6 fr-col-lg-{12 // per_row}"


class CallToActionCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label="Titre de la rubrique (niveau 2)")
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=6, label="Cartes")

    class Meta:
        icon = "grip"
        label = "Cartes d'appel à l'action"
        group = "Cartes"
        value_class = CardsValue
        template = "blocks/call_to_action_cards.html"
