"""What the database index stores for an offer and how typed words reach it: shared by the
PostgreSQL and SQLite backends (search/backends.py chooses between them).

Both indexers follow the same rule for what is "title": the title field and the fields boosted to
TITLE_BOOST or more (the offer's skills), so skills rank like the title on both databases.
"""

from dataclasses import dataclass, field

from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import PlainText

from .text import surface_words

TITLE_BOOST = 3
POSTGRES_SEARCH_CONFIG = "french_unaccent"
NO_WORD = "__"  # what a text without any word searches for: no index entry holds it


def words_only(query):
    """A typed text as the engine should get it: its words. Wagtail hands FTS5 each term quoted but
    not escaped (a typed quote ended the string), and its PostgreSQL compiler fails on a text with no
    word when fields are given (and matches everything when they are not)."""
    if not isinstance(query, PlainText):
        return query
    words = " ".join(surface_words(query.query_string)) or NO_WORD
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
