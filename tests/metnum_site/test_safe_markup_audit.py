"""Escaping is the default; every place that marks markup safe, and every django-dsfr tag the
templates call, has been reviewed. A new one fails here until it is reviewed and listed."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("accounts", "home", "jobs", "editorial", "search", "metnum_site")
PYTHON_MARKERS = re.compile(r"\b(mark_safe|format_html|format_html_join|SafeString|SafeData|html_safe)\b")
TEMPLATE_MARKERS = re.compile(r"\|\s*safe\b|\|\s*safeseq\b|\bautoescape\s+off\b|\|\s*richtext\b|\bdsfr_maybe_safe\b")
DSFR_TAG = re.compile(r"{%\s*(dsfr_\w+)")

# (file, marker) → (how many, why it is safe).
REVIEWED_PYTHON = {
    ("accounts/views.py", "mark_safe"): (2, "the QR code's SVG, drawn by qrcode from the device's own address"),
    ("jobs/feeds.py", "format_html"): (2, "escapes the offer's facts and excerpt"),
    ("jobs/structured_data.py", "mark_safe"): (2, "JSON with <, >, & escaped for a <script> element"),
    ("metnum_site/rich_text.py", "mark_safe"): (3, "the one rich-text path, sanitised by nh3 just before"),
    ("metnum_site/rich_text.py", "SafeString"): (2, "named in the docstring"),
    ("search/presenters.py", "format_html"): (2, "escapes the institution name"),
    ("search/presenters.py", "format_html_join"): (2, "escapes every line but those already safe"),
    ("search/presenters.py", "mark_safe"): (2, "a literal <br>"),
    ("search/text.py", "mark_safe"): (4, "highlighting: every piece of text is escaped, <mark> is ours"),
}
REVIEWED_TEMPLATES = {}
# django-dsfr tags the templates call → what their template marks safe (django-dsfr 3.6, with
# DSFR_CONTENT_IS_SAFE = False: nothing unless the value is already a SafeString).
REVIEWED_DSFR_TAGS = {
    "dsfr_accordion_group": "content: sanitised rich text (AccordionValue); titles escaped",
    "dsfr_alert": "content escaped (search notices quote the URL)",
    "dsfr_breadcrumb": "titles and URLs escaped",
    "dsfr_callout": "title and text escaped",
    "dsfr_card": "everything escaped; search cards pass SafeStrings built by search.presenters.search_card",
    "dsfr_css": "no content",
    "dsfr_favicon": "no content",
    "dsfr_js": "no content",
    "dsfr_notice": "title and description escaped",
    "dsfr_quote": "text, author, source escaped",
    "dsfr_skiplinks": "fixed labels and anchors",
    "dsfr_summary": "labels and anchors escaped",
    "dsfr_tag": "label and link escaped; links are built by our views",
    "dsfr_theme_modale": "no content",
    "dsfr_transcription": "content: sanitised rich text (VideoValue.transcript_html); title escaped",
}


def count(pattern, paths):
    found = {}
    for path in paths:
        for marker in pattern.findall(path.read_text(encoding="utf-8")):
            key = (str(path.relative_to(ROOT)), marker.replace(" ", ""))
            found[key] = found.get(key, 0) + 1
    return found


def python_files():
    return [path for app in APPS for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def template_files():
    return list((ROOT / "templates").rglob("*.html"))


def test_every_place_that_marks_markup_safe_is_reviewed():
    assert count(PYTHON_MARKERS, python_files()) == {key: n for key, (n, _) in REVIEWED_PYTHON.items()}
    assert count(TEMPLATE_MARKERS, template_files()) == REVIEWED_TEMPLATES


def test_every_django_dsfr_tag_the_templates_call_is_reviewed():
    called = {tag for path in template_files() for tag in DSFR_TAG.findall(path.read_text(encoding="utf-8"))}
    assert called == set(REVIEWED_DSFR_TAGS)


def test_django_dsfr_content_is_not_marked_safe():
    assert settings.DSFR_CONTENT_IS_SAFE is False
