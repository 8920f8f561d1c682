"""The synonym rules the editorial team edits in the admin (search.SynonymGroup), read at each
search: a change counts from the next search on every server process, with no reindexing."""

from functools import lru_cache

from .models import SynonymGroup
from .text import parse_synonyms


def load_synonyms():
    return _rules_of(tuple(SynonymGroup.objects.order_by("pk").values_list("terms", flat=True)))


@lru_cache(maxsize=16)
def _rules_of(lines):
    return parse_synonyms(lines)


def synonyms_for(text):
    """The rules a search for `text` needs: none without a word (and no query)."""
    return load_synonyms() if (text or "").strip() else ()
