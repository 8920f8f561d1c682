"""Helpers for the idempotent demo-data loaders of each app (see `load_demo_content`).

Every helper creates what is missing and leaves what exists alone, so a second run changes
nothing and editors' changes to demo content survive.
"""

import json
from dataclasses import dataclass, field


@dataclass
class DemoReport:
    created: dict = field(default_factory=dict)

    def count(self, label, number=1):
        if number:
            self.created[label] = self.created.get(label, 0) + number

    @property
    def changed(self):
        return bool(self.created)

    def summary(self):
        if not self.changed:
            return "Rien à faire : le contenu de démonstration est déjà en place."
        details = ", ".join(f"{label} : {number}" for label, number in self.created.items())
        return f"Contenu de démonstration créé ({details})."


def stream(*blocks):
    """StreamField raw data from (block_type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


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


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)
