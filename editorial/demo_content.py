"""Small builders for the demo stories and guides: (block type, stored value) pairs."""

from metnum_site.demo import paragraphs


def text(*texts):
    return "paragraph", paragraphs(*texts)


def bullets(*items):
    return "paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(title, level="h2"):
    return "heading", {"text": title, "level": level, "anchor": ""}


def quote(words, name, role="", organisation=""):
    return "quote", {"text": words, "name": name, "role": role, "organisation": organisation, "photo": None}


def illustration(number, caption="", decorative=True):
    """A demo image by number; the loader swaps in the stored image (editorial/demo.py)."""
    return "image", {"demo_image": number, "caption": caption, "decorative": decorative}


def callout(title, words, level="h2"):
    return "callout", {"heading": title, "heading_level": level, "text": words}


def figures(title, *pairs, level="h2"):
    return "key_figures", {
        "heading": title,
        "heading_level": level,
        "figures": [{"number": number, "label": label} for number, label in pairs],
    }


def faq(title, *pairs, level="h2"):
    return "accordion", {
        "heading": title,
        "heading_level": level,
        "items": [{"question": question, "answer": paragraphs(answer)} for question, answer in pairs],
    }


def button(label, address, style="primary"):
    return "button", {
        "link": {"page": None, "address": address, "text": label, "new_window": False},
        "style": style,
    }
