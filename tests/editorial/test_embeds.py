"""A video block only embeds video platforms: Wagtail's other oEmbed providers answer with HTML that
may carry scripts (a post of a social network, slides…), rendered as is on the page."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.finders import get_finders

from editorial.blocks import VideoBlock

pytestmark = pytest.mark.django_db

VIDEOS = [
    "https://www.youtube.com/watch?v=abcdefghijk",
    "https://vimeo.com/123456789",
    "https://www.dailymotion.com/video/x8abcde",
]
OTHERS = [
    "https://twitter.com/numerique_gouv/status/1",
    "https://www.slideshare.net/numerique/presentation",
    "https://www.instagram.com/p/abcdef/",
    "https://gist.github.com/numerique/abcdef",
]


def embeddable(url):
    return any(finder.accept(url) for finder in get_finders())


def test_only_video_platforms_are_embeddable():
    assert [url for url in VIDEOS if embeddable(url)] == VIDEOS
    assert [url for url in OTHERS if embeddable(url)] == []


@pytest.mark.parametrize("url", [*OTHERS, "javascript:alert(1)"])
def test_a_video_block_refuses_the_others_in_french(url):
    raw = {"heading": "", "heading_level": "h2", "video": url, "transcript": "<p>Transcription.</p>"}
    with pytest.raises(ValidationError) as refused:
        VideoBlock().clean(VideoBlock().to_python(raw))

    assert "video" in refused.value.block_errors
