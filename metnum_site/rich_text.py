"""The one way rich text becomes HTML on the public site, sanitised with nh3.

Rich text reaches pages from editors (Draftail), from imported offers (jobs/sanitizer.py turns them
into editor-like rich text first) and, for search excerpts, from Elasticsearch. Whatever the source
holds, only the site's rich-text feature set survives: paragraphs, line breaks, headings 2 to 4,
bold, italic, lists and links to http(s), mailto or this site. Everything else on the site is
escaped by the templates (django-dsfr's content safety is off: metnum_site/settings/base.py).

    rich_text_html(value)   a RichText or database-format HTML → SafeString (page and document
                            links expanded by Wagtail first)
    marked_fragment(text)   HTML-encoded text with <mark> around matched words → SafeString
    plain_text(html)        rich text as plain text (feeds, excerpts, the search index)
"""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with their content: code and embedded documents are never text to keep.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title"}


def _link_filter(element, attribute, value):
    """Drop links that leave the site while looking internal: "//host" or "/\\host" (browsers read a
    backslash as a slash there)."""
    if element == "a" and attribute == "href" and value.strip().replace("\\", "/").startswith("//"):
        return None
    return value


_rich_text = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attribute_filter=_link_filter,
    link_rel=None,
)
_marked = nh3.Cleaner(tags={"mark"}, attributes={}, clean_content_tags=DROPPED_WITH_CONTENT, link_rel=None)


def sanitise(html):
    """HTML restricted to the rich-text feature set (a str, not yet marked safe)."""
    return _rich_text.clean(html or "")


def rich_text_html(value):
    """Rich text (a RichText or its database-format source) as sanitised HTML, safe to render."""
    source = value.source if isinstance(value, RichText) else value
    return mark_safe(sanitise(expand_db_html(source or "")))


def marked_fragment(fragment):
    """A highlighted fragment (Elasticsearch encodes the text and adds <mark>): nothing but <mark>
    survives, even if the text came back unencoded."""
    return mark_safe(_marked.clean(fragment or ""))


_BLOCK_BOUNDARY = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|ul|ol)\s*>|<br\s*/?>", re.IGNORECASE)


def plain_text(html):
    """Rich text as plain text: a space where a paragraph, item or line ends (stripping the tags
    alone glues "missions.</p><p>Vous" into one word), entities decoded."""
    return " ".join(unescape(strip_tags(_BLOCK_BOUNDARY.sub(" ", html or ""))).split())
