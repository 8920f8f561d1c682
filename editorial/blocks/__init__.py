"""The shared block library, split by family. Page models pick their stream blocks from streams.py."""

from .cards import CallToActionCardsBlock, CardBlock
from .headings import TitledBlock, assign_anchors, outline_errors
from .jobs import FeaturedInstitutionsBlock, InstitutionOffersBlock, LatestOffersBlock
from .layout import AccordionBlock, HeroBlock
from .links import ButtonBlock, LinkBlock, OptionalLinkBlock
from .media import GalleryBlock, ImageBlock, VideoBlock
from .people import QuoteBlock, StoriesBlock
from .streams import (
    ContentStreamBlock,
    GuideStreamBlock,
    HomeStreamBlock,
    InstitutionStreamBlock,
    PageStreamBlock,
    StoryStreamBlock,
)
from .text import CalloutBlock, HeadingBlock, KeyFiguresBlock, ParagraphBlock

__all__ = [
    "AccordionBlock",
    "ButtonBlock",
    "CallToActionCardsBlock",
    "CalloutBlock",
    "CardBlock",
    "ContentStreamBlock",
    "FeaturedInstitutionsBlock",
    "GalleryBlock",
    "GuideStreamBlock",
    "HeadingBlock",
    "HeroBlock",
    "HomeStreamBlock",
    "ImageBlock",
    "InstitutionOffersBlock",
    "InstitutionStreamBlock",
    "KeyFiguresBlock",
    "LatestOffersBlock",
    "LinkBlock",
    "OptionalLinkBlock",
    "PageStreamBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "StoriesBlock",
    "StoryStreamBlock",
    "TitledBlock",
    "VideoBlock",
    "assign_anchors",
    "outline_errors",
]
