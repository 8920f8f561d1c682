"""The shared block library, split by family. Page models pick their stream blocks from here."""

from wagtail import blocks

from .cards import CallToActionCardsBlock, CardBlock
from .layout import HeroBlock
from .links import LinkBlock, OptionalLinkBlock
from .text import HeadingBlock, ParagraphBlock

__all__ = [
    "CallToActionCardsBlock",
    "CardBlock",
    "ContentStreamBlock",
    "HeadingBlock",
    "HeroBlock",
    "HomeStreamBlock",
    "LinkBlock",
    "OptionalLinkBlock",
    "ParagraphBlock",
]


class ContentStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    cta_cards = CallToActionCardsBlock()


class HomeStreamBlock(ContentStreamBlock):
    hero = HeroBlock()

    def clean(self, value):
        value = super().clean(value)
        hero_positions = [index for index, child in enumerate(value) if child.block_type == "hero"]
        if hero_positions and hero_positions != [0]:
            raise blocks.StreamBlockValidationError(
                non_block_errors=["Le bandeau d'accueil doit être le premier bloc de la page, et le seul."]
            )
        return value

    class Meta:
        block_counts = {"hero": {"max_num": 1}}
