"""French text analysis shared by the engines: folding, elision, stop words, stemming, the
synonyms the editorial team edits (search.SynonymGroup), and the parsed text query.

Why in Python: SQLite's FTS5 has no French stemmer and Python's sqlite3 cannot register an FTS5
tokenizer, so the SQLite index stores text already analysed by `analyse()` and queries go through
the same function. PostgreSQL analyses with its `french_unaccent` configuration instead (see
search/migrations), Elasticsearch with the analyzers of search/engines/elasticsearch.py; both get
the same synonym expansion from `parse_text()` (PostgreSQL) or from a synonym_graph filter built
from the same rules (Elasticsearch).

Stems come from Snowball's French stemmer (snowballstemmer), the algorithm PostgreSQL's `french`
configuration uses, applied to folded words as `french_unaccent` does, after FORM_RULES have brought
plurals and feminine forms to one form (PostgreSQL gets texts through `one_form_text()`): both
database engines index and search the same stems ("développeuses" → "developpeur", "données" → "donne").
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

ELISION_PREFIXES = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})

# Function words, folded (no accents). A superset of the French list of Elasticsearch and PostgreSQL
# for the words a synonym rule may contain. "si" is not one of them: SI is a synonym key.
_STOP_WORDS = """
    a au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me
    meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu
    un une vos votre vous c d j l m n s t y ete etee etees etes etant etante etants etantes suis es est
    sommes sont serai seras sera serons serez seront serais serait serions seriez seraient etais etait
    etions etiez etaient fus fut fumes futes furent sois soit soyons soyez soient fusse fusses fussions
    fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura
    aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eumes
    eutes eurent aie aies ait ayons ayez aient eusse eusses eussions eussiez eussent
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_SURFACE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FOLD_EXTRA = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"})
_FRENCH_STEMMERS = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def fold(text):
    """Lower case without accents: "Île-de-France" → "ile-de-france"."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD_EXTRA))
    return "".join(char for char in text if not unicodedata.combining(char))


# Plurals and feminine forms of job words that the French stemmer leaves apart ("designers" →
# "designer" but "designer" → "design"; "cheffe", "développeuse", "rédactrice"), brought to
# one form before stemming, on a folded word. Written so that Java reads them too: Elasticsearch applies
# the same rules as pattern_replace filters (search/es.py).
FORM_RULES = (
    (r"^(\w{3,}[^sui])s$", "$1"),  # designers, développeurs (not process, campus, Paris)
    (r"^(\w+(?:eau|eu|ou))x$", "$1"),  # bureaux, jeux
    (r"^(\w{2,})euse$", "$1eur"),  # développeuse
    (r"^(\w{2,})trice$", "$1teur"),  # rédactrice, administratrice
    (r"^(\w{3,})ere$", "$1er"),  # conseillère
    (r"^(\w{2,})ffe$", "$1f"),  # cheffe
)
_FORM_RULES = tuple((re.compile(pattern), replacement.replace("$1", r"\1")) for pattern, replacement in FORM_RULES)


def one_form(folded_word):
    """The word with its plural and feminine endings brought to one form (FORM_RULES)."""
    for pattern, replacement in _FORM_RULES:
        folded_word = pattern.sub(replacement, folded_word)
    return folded_word


def stem(token):
    """Snowball's French stemmer, the algorithm of PostgreSQL's `french` configuration, on a folded
    token: "developpeuses" and "developpement" → "developp", "donnees" → "donne"."""
    if not token.isalpha():
        return token
    stemmer = getattr(_FRENCH_STEMMERS, "stemmer", None)
    if stemmer is None:
        stemmer = _FRENCH_STEMMERS.stemmer = snowballstemmer.stemmer("french")
    return stemmer.stemWord(token)


@lru_cache(maxsize=100_000)
def analyse_word(word):
    """The index token of one surface word, or "" for a stop word."""
    word = fold(word)
    if "'" in word:
        prefix, rest = word.split("'", 1)
        word = rest if prefix in ELISION_PREFIXES else word
        word = word.replace("'", "")
    if not word or word in STOP_WORDS:
        return ""
    return stem(one_form(word))


def one_form_text(text):
    """The text with each word folded and brought to one form, other characters kept: what PostgreSQL
    analyses (its stemmer runs after), so that it meets the same forms as the SQLite index."""

    def replace(match):
        word = fold(match.group())
        prefix, _, last = word.rpartition("'")
        return prefix + _ + one_form(last)

    return _SURFACE_WORD.sub(replace, text or "")


def surface_words(text):
    return _SURFACE_WORD.findall(text or "")


def tokens(text):
    return [token for token in map(analyse_word, surface_words(text)) if token]


def analyse(text):
    """Text as the SQLite index stores it: analysed tokens separated by spaces."""
    return " ".join(tokens(text))


# Synonyms -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alternative:
    """One way to match a clause: words as typed (PostgreSQL and Elasticsearch analyse them) and their
    tokens (search/text.py analysis, for SQLite). An alternative of several words needs all of them."""

    text: str
    tokens: tuple


@dataclass(frozen=True)
class SynonymRule:
    sources: tuple  # of Alternative
    targets: tuple  # of Alternative


def parse_synonyms(lines):
    """Rules of the Solr synonym format: "a, b, c" (equivalent) or "a, b => c" (a or b means c)."""
    rules = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            sources, targets = _phrases(left), _phrases(right)
        else:
            sources = targets = _phrases(line)
        if sources and targets:
            rules.append(SynonymRule(sources, targets))
    return tuple(rules)


def _phrases(part):
    phrases = []
    for text in part.split(","):
        text = " ".join(text.split())
        found = tuple(tokens(text))
        # Forms with the same tokens here may differ for PostgreSQL's stemmer ("chef", "cheffe"): keep both.
        if found and all(fold(text) != fold(phrase.text) for phrase in phrases):
            phrases.append(Alternative(text, found))
    return tuple(phrases)


def elasticsearch_synonyms(rules):
    """The rules in Solr format for Elasticsearch's synonym_graph filter. They are written as in the
    file: Elasticsearch analyses them with the filters that precede the synonym filter (see
    search/es.py), so "Développeurs" in a query and "développeur" in a rule meet as the same token."""

    def phrases(alternatives):
        return ", ".join(dict.fromkeys(" ".join(alternative.text.split()).lower() for alternative in alternatives))

    lines = []
    for rule in rules:
        if rule.sources is rule.targets:
            lines.append(phrases(rule.sources))
        else:
            lines.append(f"{phrases(rule.sources)} => {phrases(rule.targets)}")
    return lines


# The text query ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """Matches when any of its alternatives matches."""

    alternatives: tuple


@dataclass(frozen=True)
class TextQuery:
    """A candidate's text: every clause must match somewhere in the offer (title, skills, body).
    `scored` are the clauses the ranking weighs (search/ranking.py): one per typed word, so that a
    rule on several words ("administrateur système") still gives credit to each word where it
    appears. `phrase` is the whole text, for the "exact title phrase" bonus."""

    text: str
    clauses: tuple
    phrase: Alternative
    scored: tuple = ()

    def __bool__(self):
        return bool(self.clauses)

    @property
    def highlight_tokens(self):
        return frozenset(token for clause in self.clauses for alt in clause.alternatives for token in alt.tokens)


def parse_text(text, rules=()):
    """Split a candidate's text into clauses, each expanded with the synonym `rules` (longest rule
    first; search.synonyms.load_synonyms() gives the editorial team's)."""
    text = text or ""
    # (token, start, end) of every word that is not a stop word; spans keep the stop words between
    # words, so that PostgreSQL's phrase search sees "chef de projet", not "chef projet".
    words = [(analyse_word(m.group()), m.start(), m.end()) for m in _SURFACE_WORD.finditer(text)]
    words = [word for word in words if word[0]]
    index = {}
    for rule in rules:
        for source in rule.sources:
            index.setdefault(source.tokens, []).extend(rule.targets)
    one_word_index = {key: targets for key, targets in index.items() if len(key) == 1}
    phrase_text = text[words[0][1] : words[-1][2]] if words else ""
    phrase = Alternative(phrase_text, tuple(token for token, _, _ in words))
    return TextQuery(
        text=text,
        clauses=_clauses(text, words, index),
        phrase=phrase,
        scored=_clauses(text, words, one_word_index),
    )


def _clauses(text, words, index):
    longest = max((len(key) for key in index), default=0)
    clauses, position = [], 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            span = tuple(token for token, _, _ in words[position : position + length])
            if span in index:
                break
        else:
            length, span = 1, (words[position][0],)
        typed = Alternative(text[words[position][1] : words[position + length - 1][2]], span)
        alternatives = {fold(typed.text): typed}
        for target in index.get(span, ()):
            alternatives.setdefault(fold(target.text), target)
        clauses.append(Clause(tuple(alternatives.values())))
        position += length
    return tuple(clauses)


# Highlighting ---------------------------------------------------------------------------------------


def highlight(text, marked_tokens):
    """Escaped text with the words whose token is in `marked_tokens` wrapped in <mark>."""
    text = text or ""
    if not marked_tokens:
        return escape(text)
    parts, last = [], 0
    for match in _SURFACE_WORD.finditer(text):
        token = analyse_word(match.group())
        if token and token in marked_tokens:
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def excerpt(text, marked_tokens, words=32):
    """About `words` words of `text` around its first marked word, highlighted."""
    matches = list(_SURFACE_WORD.finditer(text or ""))
    if not matches:
        return mark_safe("")
    first = 0
    if marked_tokens:
        first = next((i for i, m in enumerate(matches) if analyse_word(m.group()) in marked_tokens), 0)
    start = max(first - words // 4, 0)
    end = min(start + words, len(matches))
    begin_at = matches[start].start() if start else 0
    end_at = matches[end - 1].end() if end < len(matches) else len(text)
    body = highlight(text[begin_at:end_at].strip(), marked_tokens)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(matches) else ""))
