"""Pages and StreamField content of the demo, from the blocks written in the data files.

A body in a data file is a list of one-key mappings, `{block type: value}`. A few short forms save
repeating what every such block holds (see demo/README.md); any other block type is stored as written.
Every helper creates what is missing and leaves what exists alone, so a second run changes nothing
and editors' changes to demo content survive.
"""

import json


def stream(*blocks):
    """StreamField raw data from (block_type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def body(blocks, images=()):
    """StreamField raw data from a body written in a data file; `images` are the demo illustrations
    that `image` blocks name by number."""
    return stream(*(expand(block, images) for block in blocks))


def expand(block, images=()):
    """The (block_type, stored value) pair of one block of a data file."""
    ((block_type, value),) = block.items()
    short_form = SHORT_FORMS.get(block_type)
    if short_form is None:
        return block_type, value
    if block_type == "image":
        return short_form(value, images)
    return short_form(value)


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def _text(value):
    return "paragraph", paragraphs(*([value] if isinstance(value, str) else value))


def _bullets(items):
    return "paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _heading(value):
    value = {"text": value} if isinstance(value, str) else value
    return "heading", {"text": value["text"], "level": value.get("level", "h2"), "anchor": ""}


def _quote(value):
    return "quote", {
        "text": value["text"],
        "name": value["name"],
        "role": value.get("role", ""),
        "organisation": value.get("organisation", ""),
        "photo": None,
    }


def _image(value, images):
    image = images[value["number"] % len(images)]
    return "image", image_value(image, decorative=value.get("decorative", True), caption=value.get("caption", ""))


def _callout(value):
    return "callout", {"heading": value["heading"], "heading_level": value.get("level", "h2"), "text": value["text"]}


def _figures(value):
    return "key_figures", {
        "heading": value["heading"],
        "heading_level": value.get("level", "h2"),
        "figures": [{"number": number, "label": label} for number, label in value["figures"]],
    }


def _faq(value):
    return "accordion", {
        "heading": value["heading"],
        "heading_level": value.get("level", "h2"),
        "items": [{"question": question, "answer": paragraphs(answer)} for question, answer in value["items"]],
    }


def _button(value):
    return "button", {
        "link": {"page": None, "address": value["address"], "text": value["label"], "new_window": False},
        "style": value.get("style", "primary"),
    }


SHORT_FORMS = {
    "text": _text,
    "bullets": _bullets,
    "heading": _heading,
    "quote": _quote,
    "image": _image,
    "callout": _callout,
    "figures": _figures,
    "faq": _faq,
    "button": _button,
}


def image_value(image, decorative=True, caption=""):
    """The stored value of an ImageBlock."""
    if decorative:
        return {"image": image.pk, "alt_text": "", "decorative": True, "caption": caption}
    return {"image": image.pk, "alt_text": image.description, "decorative": False, "caption": caption}


def get_or_create_child_page(parent, model, slug, report, **fields):
    """The child page `slug` of `parent`, created (and published) with `fields` when missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.count(f"pages « {model._meta.verbose_name} »")
    return page
