"""Turn text from other systems into the rich text an editor could have typed: paragraphs, bold,
italic, bulleted and numbered lists, links (http, https, mailto).

nh3 (the Ammonia sanitiser) does the sanitising: scripts, styles, frames, event handlers, images,
attributes and unsafe links are gone before this module reads the HTML. What is left here is the
shape: headings, divisions and table cells become paragraphs (their text is kept), loose text goes
into a paragraph, a stray list item into a list, synonyms (strong, em) into the editor's tags.

Plain text (no tag in it) is read as paragraphs separated by blank lines; lines starting with
"- ", "* " or "• " become a bulleted list, lines starting with "1. " or "1) " a numbered one.
"""

import re
from html import escape
from html.parser import HTMLParser
from itertools import groupby

import nh3

ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--|&[a-zA-Z]+;|&#\d+;")

# Removed with everything inside them: code, embedded documents, metadata.
DROPPED_WITH_CONTENT = {
    "applet",
    "audio",
    "canvas",
    "frameset",
    "head",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
}
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a"}
LIST_TAGS = {"ul", "ol"}
# Tags that start a new paragraph; their text is kept.
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
}
WHITESPACE = re.compile(r"\s+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x20\x7f-\xa0]+")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
BULLET = re.compile(r"^\s*[-*•]\s+")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")


def safe_url(url):
    """The URL when it is an absolute http(s) or mailto link, None otherwise."""
    url = (url or "").strip()
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
    match = SCHEME.match(CONTROL_CHARACTERS.sub("", url).lower())
    if not match or match.group(1) not in ALLOWED_URL_SCHEMES:
        return None
    if match.group(1) in {"http", "https"} and not re.match(r"^https?://[^/\s]", url, re.IGNORECASE):
        return None
    if match.group(1) == "mailto" and not url.lower().startswith("mailto:"):
        return None
    return url


def _only_safe_links(element, attribute, value):
    return safe_url(value) if (element, attribute) == ("a", "href") else value


_import_cleaner = nh3.Cleaner(
    tags={*INLINE_TAGS, *LIST_TAGS, "li", "br", *BLOCK_TAGS},
    attributes={"a": {"href"}},
    url_schemes=ALLOWED_URL_SCHEMES,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attribute_filter=_only_safe_links,
    strip_comments=True,
    link_rel=None,
)


def sanitize_rich_text(text):
    """Rich-text HTML (Wagtail's database format) from plain text or untrusted HTML."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    if LOOKS_LIKE_HTML.search(text):
        builder = _TreeBuilder()
        builder.feed(_import_cleaner.clean(text))
        builder.close()
        return _serialize(builder.root)
    return _plain_text_to_html(text)


def _plain_text_to_html(text):
    html = []
    for paragraph in re.split(r"\n[ \t]*\n", text):
        lines = (WHITESPACE.sub(" ", line).strip() for line in paragraph.split("\n"))
        for kind, run in groupby((line for line in lines if line), key=_line_kind):
            if kind == "p":
                html.append("<p>" + "<br/>".join(escape(line, quote=False) for line in run) + "</p>")
            else:
                marker = BULLET if kind == "ul" else NUMBERED
                items = "".join(f"<li>{escape(marker.sub('', line, count=1), quote=False)}</li>" for line in run)
                html.append(f"<{kind}>{items}</{kind}>")
    return "".join(html)


def _line_kind(line):
    return "ul" if BULLET.match(line) else "ol" if NUMBERED.match(line) else "p"


class _Element:
    def __init__(self, tag, href=None):
        self.tag, self.href, self.children = tag, href, []

    @property
    def is_container(self):
        return self.tag in {"p", "li"}


class _TreeBuilder(HTMLParser):
    """From HTML that nh3 has cleaned, builds a tree holding the allowed elements in allowed places:
    paragraphs and lists at the top, inline formatting inside paragraphs and list items, lists
    nested in list items."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root")
        self.stack = [self.root]

    # Helpers on the stack of open elements.

    @property
    def top(self):
        return self.stack[-1]

    def open(self, element):
        self.top.children.append(element)
        self.stack.append(element)

    def close_through(self, tags):
        """Close open elements up to and including the innermost one whose tag is in `tags`."""
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag in tags:
                del self.stack[index:]
                return True
        return False

    def close_inline(self):
        while self.top.tag in {"b", "i", "a"}:
            self.stack.pop()

    def innermost_block(self):
        return next(element for element in reversed(self.stack) if element.tag not in {"b", "i", "a"})

    def ensure_container(self):
        """Make sure inline content has a paragraph or a list item to go into."""
        block = self.innermost_block()
        if block.is_container:
            return
        self.close_inline()
        self.open(_Element("li" if block.tag in LIST_TAGS else "p"))

    def end_paragraph(self):
        """A block boundary: outside lists it ends the paragraph; inside a list item it is a line break."""
        self.close_inline()
        if self.top.tag == "p":
            self.stack.pop()
        elif self.top.tag == "li" and self.top.children and not _is_line_break(self.top.children[-1]):
            self.top.children.append(_Element("br"))

    # HTMLParser callbacks.

    def handle_starttag(self, tag, attrs):
        if tag in INLINE_TAGS:
            href = dict(attrs).get("href") if tag == "a" else None
            if tag == "a" and not href:
                return  # keep the link text: nh3 removed an unsafe or missing link
            self.ensure_container()
            self.open(_Element(INLINE_TAGS[tag], href))
        elif tag in LIST_TAGS:
            self.close_inline()
            if self.top.tag == "p":
                self.stack.pop()
            elif self.top.tag in LIST_TAGS:
                self.open(_Element("li"))
            self.open(_Element(tag))
        elif tag == "li":
            self.close_inline()
            if self.innermost_block().tag == "li":
                self.stack.pop()
            if self.innermost_block().tag not in LIST_TAGS:
                self.end_paragraph()
                if self.top.tag not in LIST_TAGS:
                    self.open(_Element("ul"))
            self.open(_Element("li"))
        elif tag == "br":
            self.line_break()
        elif tag in BLOCK_TAGS:
            self.end_paragraph()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in INLINE_TAGS or tag in LIST_TAGS or tag == "li":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in INLINE_TAGS:
            target = INLINE_TAGS[tag]
            for index in range(len(self.stack) - 1, 0, -1):
                element = self.stack[index]
                if element.tag == target:
                    del self.stack[index:]
                    return
                if element.tag not in {"b", "i", "a"}:
                    return
        elif tag in LIST_TAGS:
            self.close_through(LIST_TAGS)
        elif tag == "li":
            self.close_through({"li"})
        elif tag in BLOCK_TAGS:
            self.end_paragraph()

    def line_break(self):
        container = self.innermost_block()
        if not container.is_container:
            return
        last = container.children[-1] if container.children else None
        if container.tag == "p" and self.top is container and _is_line_break(last):
            container.children.pop()  # two line breaks in a row: a new paragraph
            self.stack.pop()
        elif container.children:
            self.top.children.append(_Element("br"))

    def handle_data(self, data):
        data = WHITESPACE.sub(" ", data)
        if not data.strip() and not self.innermost_block().is_container:
            return
        self.ensure_container()
        if not _has_text(self.innermost_block()):
            data = data.lstrip()  # a paragraph or item starts with its first word, even inside <b>
        if data:
            self.top.children.append(data)


def _is_line_break(node):
    return isinstance(node, _Element) and node.tag == "br"


def _has_text(element):
    return any(
        (isinstance(child, str) and child.strip()) or (isinstance(child, _Element) and _has_text(child))
        for child in element.children
    )


def _serialize(element):
    parts = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(escape(child, quote=False))
        elif child.tag == "br":
            parts.append("<br/>")
        elif _has_text(child):
            attributes = f' href="{escape(child.href, quote=True)}"' if child.href else ""
            parts.append(f"<{child.tag}{attributes}>{_serialize(child)}</{child.tag}>")
    html = "".join(parts)
    if element.tag == "root":
        # Spaces and line breaks at the edges of paragraphs and list items carry nothing.
        html = re.sub(r"\s*(</?(?:p|ul|ol|li)>|<br/>)\s*", r"\1", html)
        html = re.sub(r"(<(?:p|li)>)(?:<br/>)+|(?:<br/>)+(</(?:p|li)>)", r"\1\2", html)
        html = re.sub(r"(?:<br/>)+(<(?:ul|ol)>)", r"\1", html)
    return html
