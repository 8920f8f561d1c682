"""Markup payloads and the check that none of them reached a page unescaped.

A payload carries a marker element (<xss>) and a marker attribute (data-xss), after a prefix
that tries to leave the context it lands in: an attribute value, <title>, <script>, <textarea>, a
comment. Rendered as text, a payload shows as characters; rendered unescaped, the marker element or
the marker attribute appears in the parsed page. `injections(html)` lists what appeared.
"""

import html
import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from hypothesis import strategies as st

MARKER_ELEMENT = "xss"
MARKER_ATTRIBUTE = "data-xss"
BREAKOUTS = ["", '"', "'", '">', "'>", "</title>", "</script>", "</textarea>", "-->", "</p>", "]]>", "\\", "`"]
DANGEROUS_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "cite", "data")


def payload(number=0, before="", breakout="", after="", attribute_only=False, encoded=False, max_length=None):
    """One payload; `number` tells the field it was put in apart from the others. With `max_length`,
    the surrounding text, then the breakout, are left out until it fits (as an editor would have to)."""
    if attribute_only:
        cores = [f'{breakout} {MARKER_ATTRIBUTE}="{number}" x="', f'" {MARKER_ATTRIBUTE}="{number}"']
    else:
        cores = [
            f"{breakout}<{MARKER_ELEMENT} {MARKER_ATTRIBUTE}={number}>",
            f"<{MARKER_ELEMENT} {MARKER_ATTRIBUTE}={number}>",
        ]
    shortest = f"<{MARKER_ELEMENT} x={number}>"
    candidates = [f"{before}{cores[0]}{after}", f"{cores[0]}{after}", cores[0], cores[1], shortest]
    candidates = [html.escape(text) for text in candidates] + candidates if encoded else candidates
    for text in candidates:
        if max_length is None or len(text) <= max_length:
            return text
    raise ValueError(f"No payload fits in {max_length} characters.")


# Text around the payload: anything printable (control characters are cleaned from requests, and
# PostgreSQL refuses NUL in stored text).
SURROUNDING = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)
SHAPES = st.fixed_dictionaries(
    {
        "before": SURROUNDING,
        "breakout": st.sampled_from(BREAKOUTS),
        "after": SURROUNDING,
        "attribute_only": st.booleans(),
        "encoded": st.booleans(),
    }
)


def injections(markup):
    """What a payload injected into an HTML page or fragment: marker elements, marker attributes and
    javascript:/data: URLs, as short descriptions (empty when nothing got through)."""
    found = []
    if f"<{MARKER_ELEMENT}" in markup.lower():
        at = markup.lower().index(f"<{MARKER_ELEMENT}")
        found.append(f"raw marker element: …{markup[max(at - 80, 0) : at + 40]}…")
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(True):
        if element.name == MARKER_ELEMENT:
            found.append(f"marker element in <{element.parent.name}>")
        if MARKER_ATTRIBUTE in element.attrs:
            found.append(f"marker attribute on <{element.name}>: {str(element)[:120]}")
        for name in URL_ATTRIBUTES:
            value = element.attrs.get(name)
            if isinstance(value, str) and DANGEROUS_URL.match(value.replace("\t", "").replace("\n", "")):
                found.append(f"dangerous URL in <{element.name} {name}>: {value[:60]}")
    for script in soup.find_all("script", type="application/ld+json"):
        json.loads(script.string)  # still valid JSON whatever the payload
    return found


def feed_injections(xml):
    """The same for an RSS or Atom feed: the XML parses, and the HTML of its descriptions is clean."""
    found = injections_in_text(xml)
    root = ElementTree.fromstring(xml)
    for element in root.iter():
        if element.tag.split("}")[-1] in {"description", "summary", "content"} and element.text:
            found += injections(element.text)
    return found


def injections_in_text(text):
    """A raw marker element in a non-HTML answer (XML, JSON, plain text)."""
    lowered = text.lower()
    return [f"raw marker element in: …{text[:200]}…"] if f"<{MARKER_ELEMENT}" in lowered else []


def rendered_payloads(markup):
    """The numbers of the payloads that show on the page as text or in an attribute value."""
    soup = BeautifulSoup(markup, "html.parser")
    texts = [soup.get_text(" ")]
    for element in soup.find_all(True):
        texts += [value if isinstance(value, str) else " ".join(value) for value in element.attrs.values()]
    for script in soup.find_all("script", type=("application/ld+json", "application/json")):
        texts.append(json.dumps(json.loads(script.string), ensure_ascii=False))
    joined = html.unescape(" ".join(texts))
    shown = re.findall(rf"(?:{MARKER_ATTRIBUTE}|<{MARKER_ELEMENT} x)=\"?(\d+)", joined)
    return {int(number) for number in shown}
