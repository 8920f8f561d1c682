"""The one way MetNum turns a name into an address segment (a "slug"): offers, institutions,
professions and institution spaces all go through `unique_slug` or `slug_base`."""

import re

from django.utils.text import slugify

# Characters that join words in a title ("développeur·se", "PHP/Symfony", "Data & IA") separate them
# in the slug instead of gluing them together.
WORD_JOINERS = re.compile(r"[^\w\s-]+")
SUFFIX_ROOM = 7  # "-" and up to six digits


def slug_base(text, max_length, fallback):
    """`text` as a slug of at most `max_length - SUFFIX_ROOM` characters, or `fallback` when it has
    no letter or digit."""
    slug = slugify(WORD_JOINERS.sub(" ", str(text)))[: max_length - SUFFIX_ROOM].strip("-")
    return slug or fallback


def numbered(base, first=1, size=20):
    """`base`, `base-2`, `base-3`…: the candidates numbered `first` to `first + size - 1`."""
    return [base if number == 1 else f"{base}-{number}" for number in range(first, first + size)]


def unique_slug(others, text, *, max_length, fallback, reserved=()):
    """The slug of `text`, or the first free "<slug>-2", "<slug>-3"… among the objects of the
    queryset `others` and the slugs `reserved`. Candidates are checked in growing batches by exact
    value: an indexed lookup (a prefix search would scan the whole table)."""
    base = slug_base(text, max_length, fallback)
    first, size = 1, 20
    while True:
        candidates = numbered(base, first, size)
        taken = set(others.filter(slug__in=candidates).values_list("slug", flat=True)) | set(reserved)
        free = [slug for slug in candidates if slug not in taken]
        if free:
            return free[0]
        first, size = first + size, size * 10
