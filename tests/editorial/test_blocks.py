"""Block rules an editor meets in the admin: alternative texts, transcripts, the hero, heading levels,
links that open a new window, rich text without raw HTML."""

import pytest
import wagtail_factories
from django.conf import settings
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from editorial.blocks import (
    ButtonBlock,
    ContentStreamBlock,
    HomeStreamBlock,
    ImageBlock,
    InstitutionStreamBlock,
    ParagraphBlock,
    VideoBlock,
)

pytestmark = pytest.mark.django_db
VIDEO_URL = "https://www.youtube.com/watch?v=metnum-demo"


def clean(block, raw):
    return block.clean(block.to_python(raw))


def struct_errors(block, raw):
    with pytest.raises(StructBlockValidationError) as error:
        clean(block, raw)
    return error.value.block_errors


def stream_errors(block, raw):
    with pytest.raises(StreamBlockValidationError) as error:
        clean(block, raw)
    return " ".join(str(message) for message in error.value.non_block_errors)


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory()


def image_raw(image, alt_text="", decorative=False):
    return {"image": image.pk, "alt_text": alt_text, "decorative": decorative, "caption": ""}


class TestImageBlock:
    def test_an_image_needs_an_alternative_text(self, image):
        assert "alt_text" in struct_errors(ImageBlock(), image_raw(image))

    def test_a_decorative_image_needs_none(self, image):
        value = clean(ImageBlock(), image_raw(image, decorative=True))

        assert value.alt == ""

    def test_an_image_cannot_be_both_described_and_decorative(self, image):
        errors = struct_errors(ImageBlock(), image_raw(image, alt_text="Une équipe en réunion", decorative=True))

        assert "décorative" in str(errors["alt_text"])

    def test_the_alternative_text_is_rendered(self, image):
        value = clean(ImageBlock(), image_raw(image, alt_text="Une équipe en réunion"))

        assert 'alt="Une équipe en réunion"' in ImageBlock().render(value)

    def test_a_decorative_image_renders_an_empty_alternative(self, image):
        value = clean(ImageBlock(), image_raw(image, decorative=True))

        assert 'alt=""' in ImageBlock().render(value)

    def test_an_optional_image_may_stay_empty_but_not_half_filled(self):
        block = ImageBlock(required=False)

        assert clean(block, {"image": None, "alt_text": "", "decorative": False, "caption": ""})
        assert "image" in struct_errors(block, {"image": None, "alt_text": "Texte", "decorative": False, "caption": ""})


class TestVideoBlock:
    @pytest.fixture
    def recorded_embed(self):
        """The embed as the provider returned it, so that no test reaches the network."""
        return Embed.objects.create(
            url=VIDEO_URL,
            hash=get_embed_hash(VIDEO_URL),
            type="video",
            html='<iframe title="Présentation de l\'équipe" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        )

    def test_a_video_needs_a_transcript(self, recorded_embed):
        raw = {"heading": "", "heading_level": "h2", "video": VIDEO_URL, "transcript": ""}

        assert set(struct_errors(VideoBlock(), raw)) == {"transcript"}

    def test_the_transcript_is_rendered_with_the_video(self, recorded_embed):
        raw = {"heading": "Notre équipe", "heading_level": "h2", "video": VIDEO_URL, "transcript": "<p>Bonjour !</p>"}
        html = VideoBlock().render(clean(VideoBlock(), raw))

        assert "youtube-nocookie.com/embed/x" in html
        assert "fr-transcription" in html
        assert "<p>Bonjour !</p>" in html


class TestHero:
    def hero(self):
        return {"type": "hero", "value": {"title": "Travailler ici", "text": "", "show_offer_search": False}}

    @pytest.mark.parametrize("stream_block", [InstitutionStreamBlock(), HomeStreamBlock()])
    def test_the_hero_must_open_the_page(self, stream_block):
        raw = [{"type": "paragraph", "value": "<p>Texte</p>"}, self.hero()]

        assert "premier bloc" in stream_errors(stream_block, raw)

    def test_a_page_holds_one_hero_only(self):
        with pytest.raises(StreamBlockValidationError):
            clean(InstitutionStreamBlock(), [self.hero(), self.hero()])

    def test_a_hero_first_is_accepted(self):
        assert clean(InstitutionStreamBlock(), [self.hero(), {"type": "paragraph", "value": "<p>Texte</p>"}])

    def test_pages_with_their_own_title_offer_no_hero(self):
        assert "hero" not in ContentStreamBlock().child_blocks


def heading(level, text="Titre"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def cards(heading_text, level):
    card = {
        "title": "Carte",
        "text": "",
        "link": {"page": None, "address": "/offres/", "text": "", "new_window": False},
    }
    return {"type": "cta_cards", "value": {"heading": heading_text, "heading_level": level, "cards": [card]}}


class TestHeadingOutline:
    def test_a_level_cannot_be_skipped(self):
        message = stream_errors(ContentStreamBlock(), [heading("h2"), heading("h4")])

        assert "Bloc n° 2" in message and "niveau 3" in message

    def test_the_first_heading_sits_at_level_2(self):
        assert "niveau 2" in stream_errors(ContentStreamBlock(), [heading("h3")])

    def test_a_titled_block_counts_in_the_outline(self):
        assert stream_errors(ContentStreamBlock(), [heading("h2"), cards("Nos offres", "h4")])

    def test_going_back_up_is_fine(self):
        raw = [heading("h2"), heading("h3"), heading("h4"), cards("Nos offres", "h2"), heading("h3")]

        assert clean(ContentStreamBlock(), raw)

    def test_cards_sit_one_level_below_their_block_title(self):
        value = clean(ContentStreamBlock(), [heading("h2"), cards("Nos offres", "h3")])

        html = value[1].render()
        assert "<h3" in html and '<h4 class="fr-card__title">' in html


class TestLinks:
    def render_button(self, new_window):
        block = ButtonBlock()
        raw = {
            "link": {
                "page": None,
                "address": "https://www.service-public.fr",
                "text": "Service public",
                "new_window": new_window,
            },
            "style": "primary",
        }
        return block.render(clean(block, raw))

    def test_an_external_link_stays_in_the_window_unless_asked(self):
        assert "_blank" not in self.render_button(new_window=False)

    def test_a_new_window_is_announced_and_safe(self):
        html = self.render_button(new_window=True)

        assert 'target="_blank"' in html
        assert 'rel="noopener"' in html
        assert '<span class="fr-sr-only"> — nouvelle fenêtre</span>' in html

    def test_a_link_needs_a_destination(self):
        with pytest.raises(StructBlockValidationError):
            clean(ButtonBlock(), {"link": {"page": None, "address": "", "text": "Rien", "new_window": False}})


def test_rich_text_offers_no_raw_html_nor_headings():
    features = ParagraphBlock().features

    assert set(features) <= set(settings.RICH_TEXT_FEATURES)
    assert not {"h2", "h3", "h4", "embed", "image"} & set(features)
