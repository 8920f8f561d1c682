"""What the database index stores for an offer and how typed words reach it: shared by the
PostgreSQL and SQLite backends (search/backends.py chooses between them).

Both indexers follow the same rule for the ranks of search/ranking.py: "title" is the title field and
the fields boosted to TITLE_BOOST or more (the offer's skills), "core" the fields boosted to CORE_BOOST
or more (missions, profile, métier), the rest is context.
"""

from dataclasses import dataclass, field

from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import PlainText

from .text import fold, surface_words

TITLE_BOOST = 3
CORE_BOOST = 2
POSTGRES_SEARCH_CONFIG = "french_unaccent"
NO_WORD = "__"
# SQLite's FTS5 table has one body column: the core text is stored there a second time, each token
# behind this mark, so that a core match is a match of marked tokens. No analysed word starts so.
CORE_MARK = "zq"  # what a text without any word searches for: no index entry holds it


def words_only(query, prepare=None):
    """A typed text as the engine should get it: its words (through `prepare` when given). Wagtail
    hands FTS5 each term quoted but not escaped (a typed quote ended the string), and its PostgreSQL
    compiler fails on a text with no word when fields are given (and matches everything when they are
    not)."""
    if not isinstance(query, PlainText):
        return query
    words = " ".join(surface_words(query.query_string))
    words = (prepare(words) if prepare else words) or NO_WORD
    return PlainText(words, operator=query.operator, boost=query.boost)


@dataclass
class IndexedTexts:
    """What the index stores for one object: title-grade texts (the title and the fields boosted to
    TITLE_BOOST or more), body texts with their boost, autocomplete texts."""

    title: list = field(default_factory=list)
    body: list = field(default_factory=list)  # (text, boost)
    autocomplete: list = field(default_factory=list)

    @property
    def title_text(self):
        return " ".join(self.title)

    @property
    def body_text(self):
        return " ".join(text for text, _ in self.body)

    @property
    def autocomplete_text(self):
        """Folded (lower case, no accents, œ as oe) on both databases: FTS5 strips accents, not
        ligatures, and PostgreSQL's autocomplete vectors use the `simple` configuration."""
        return fold(" ".join(self.autocomplete))

    @property
    def core_text(self):
        return " ".join(text for text, boost in self.body if (boost or 0) >= CORE_BOOST)


def indexed_texts(obj):
    """The IndexedTexts of an indexed object, from its search_fields."""
    texts = IndexedTexts()

    def walk(instance, fields, related=False):
        for search_field in fields:
            if isinstance(search_field, RelatedFields):
                value = search_field.get_value(instance)
                for item in value.all() if isinstance(value, Manager) else [value]:
                    if item is not None:
                        walk(item, search_field.fields, related=True)
                continue
            value = search_field.get_value(instance)
            if value is None:
                continue
            text = ", ".join(map(force_str, value)) if isinstance(value, (list, tuple)) else force_str(value)
            if not text.strip():
                continue
            if isinstance(search_field, AutocompleteField):
                texts.autocomplete.append(text)
            elif isinstance(search_field, SearchField):
                boost = search_field.boost or 0
                if (search_field.field_name == "title" and not related) or boost >= TITLE_BOOST:
                    texts.title.append(text)
                else:
                    texts.body.append((text, search_field.boost))

    walk(obj, obj.get_search_fields())
    return texts
