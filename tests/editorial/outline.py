"""Reading the outline of a rendered page, as a screen-reader user navigating by headings would."""

from bs4 import BeautifulSoup

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def main_headings(html):
    """[(level, text, id)] of the headings inside <main>, in document order."""
    main = BeautifulSoup(html, "html.parser").find("main")
    return [(int(tag.name[1]), " ".join(tag.get_text().split()), tag.get("id")) for tag in main.find_all(HEADINGS)]


def skipped_levels(html):
    """The headings that come more than one level below the previous one: none on a valid page."""
    skips, previous = [], 0
    for level, text, _ in main_headings(html):
        if level > previous + 1:
            skips.append(f"h{level} « {text} » après un h{previous}")
        previous = level
    return skips
