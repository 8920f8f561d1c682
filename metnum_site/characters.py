"""Characters no page, feed or export can carry: the C0 controls other than tab, line feed and
carriage return (XML 1.0 forbids them, so RSS, Atom and XLSX writers fail on them; PostgreSQL refuses
NUL), and the non-characters U+FFFE and U+FFFF.

`strip_invalid_characters` runs before every model save (connected by home.apps), so a title pasted
with a vertical tab from a word processor, an import row or an API write all store clean text; the
importer cleans its rows the same way for the rows it writes in bulk.
"""

import re

from django.db import models

INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(value):
    """The text without the invalid characters (vertical tabs and form feeds become spaces)."""
    if not isinstance(value, str) or not INVALID.search(value):
        return value
    return INVALID.sub(lambda match: " " if match.group() in "\x0b\x0c" else "", value)


def strip_invalid_characters(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            cleaned = printable(value)
            if cleaned is not value:
                setattr(instance, field.attname, cleaned)
