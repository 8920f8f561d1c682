"""The stream blocks page models use: which blocks each kind of page offers, and the rules that hold
across blocks (the hero opens the page, heading levels never skip)."""

from django.forms.utils import ErrorList
from wagtail import blocks

from .cards import CallToActionCardsBlock
from .headings import outline_errors
from .jobs import FeaturedInstitutionsBlock, InstitutionOffersBlock, LatestOffersBlock
from .layout import AccordionBlock, HeroBlock
from .links import ButtonBlock
from .media import GalleryBlock, ImageBlock, VideoBlock
from .people import QuoteBlock, StoriesBlock
from .text import CalloutBlock, HeadingBlock, KeyFiguresBlock, ParagraphBlock


class PageStreamBlock(blocks.StreamBlock):
    """Checks the page as a whole: a hero (which carries the page's h1) may only open the page, and the
    headings of all blocks form an outline without skipped levels."""

    def clean(self, value):
        value = super().clean(value)
        errors = []
        hero_positions = [index for index, child in enumerate(value) if child.block_type == "hero"]
        if hero_positions and hero_positions != [0]:
            errors.append("Le bandeau d'ouverture doit être le premier bloc de la page, et le seul.")
        errors.extend(outline_errors(value))
        if errors:
            raise blocks.StreamBlockValidationError(non_block_errors=ErrorList(errors))
        return value


class ContentStreamBlock(PageStreamBlock):
    """The blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    key_figures = KeyFiguresBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    cta_cards = CallToActionCardsBlock()
    button = ButtonBlock()
    accordion = AccordionBlock()


class InstitutionStreamBlock(ContentStreamBlock):
    hero = HeroBlock()
    institution_offers = InstitutionOffersBlock()
    stories = StoriesBlock()

    class Meta:
        block_counts = {"hero": {"max_num": 1}}


class StoryStreamBlock(ContentStreamBlock):
    institution_offers = InstitutionOffersBlock()


class GuideStreamBlock(ContentStreamBlock):
    stories = StoriesBlock()


class HomeStreamBlock(ContentStreamBlock):
    hero = HeroBlock()
    latest_offers = LatestOffersBlock()
    featured_institutions = FeaturedInstitutionsBlock()
    featured_stories = StoriesBlock(label="Témoignages à la une")

    class Meta:
        block_counts = {"hero": {"max_num": 1}}
