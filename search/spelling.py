"""« Vouliez-vous dire … ? » on the database engines: the closest spelling, word by word, from the
vocabulary of the open offers (search.SpellingWord).

A typed word is kept when its token (search.text.analyse_word) is a token of the vocabulary: plurals,
feminine forms and missing accents are not typos. Otherwise the closest vocabulary word replaces it,
when close enough for its length (edit distance, a transposition counting as one edit). Candidates
come from a trigram index on PostgreSQL (pg_trgm), from the words of similar length on SQLite; the
choice among them is the same on both.

The vocabulary is rebuilt from the open offers by `refresh_vocabulary()`: by `manage.py search_index
sync` (the daily run) and `search_index vocabulary`, after an import and the demo load, and on the
first suggestion when it was never built. A word that only today's offers use waits for the next run:
the vocabulary of a trade changes slowly.
"""

from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models.functions import Length

from jobs.models import JobOffer, JobOfferSkill

from .models import SpellingWord
from .text import analyse_word, fold, surface_words

MAX_CANDIDATES = 30


def allowed_edits(word):
    """Edits a typed word may be away from its correction: more for longer words."""
    if len(word) <= 3:
        return 0
    if len(word) <= 5:
        return 1
    return 2 if len(word) <= 9 else 3


def edit_distance(one, other):
    """Damerau-Levenshtein distance (optimal string alignment): "pyhton" is one edit from "python"."""
    previous_row, row = None, list(range(len(other) + 1))
    for i, char in enumerate(one, start=1):
        before, row = row, [i] + [0] * len(other)
        for j, other_char in enumerate(other, start=1):
            cost = char != other_char
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + cost)
            if i > 1 and j > 1 and char == other[j - 2] and one[i - 2] == other_char:
                row[j] = min(row[j], previous_row[j - 2] + 1)
        previous_row = before
    return row[-1]


def suggest(text):
    """The text with its unknown words corrected, or "" when nothing needs (or can get) a correction."""
    words = surface_words(text)
    if not words:
        return ""
    if not SpellingWord.objects.exists():
        refresh_vocabulary()
    tokens = {word: analyse_word(word) for word in words}
    known = set(SpellingWord.objects.filter(token__in=set(tokens.values()) - {""}).values_list("token", flat=True))
    corrected, changed = [], False
    for word in words:
        replacement = word
        if tokens[word] and tokens[word] not in known and not any(char.isdigit() for char in word):
            replacement = closest(fold(word)) or word
        changed |= replacement != word
        corrected.append(replacement)
    return " ".join(corrected) if changed else ""


def closest(folded):
    """The display form of the vocabulary word closest to `folded`, or None."""
    limit = allowed_edits(folded)
    if not limit:
        return None
    scored = [
        (edit_distance(folded, word), -offers, display)
        for word, display, offers in candidates(folded, limit)
        if word != folded
    ]
    scored = [entry for entry in scored if entry[0] <= limit]
    return min(scored)[2] if scored else None


def candidates(folded, limit):
    words = SpellingWord.objects.annotate(length=Length("word")).filter(
        length__gte=len(folded) - limit, length__lte=len(folded) + limit
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        words = words.annotate(similarity=TrigramSimilarity("word", folded)).filter(similarity__gt=0.2)
        words = words.order_by("-similarity", "-offers")[:MAX_CANDIDATES]
    return words.values_list("word", "display", "offers")


# The vocabulary --------------------------------------------------------------------------------------


def offer_words():
    """{folded word: Counter of its surface forms} and {folded word: open offers using it}."""
    forms, offers = defaultdict(Counter), Counter()
    open_offers = JobOffer.objects.open()
    rows = open_offers.values_list(
        "pk", "title", "city", "profession__name", "institution__name", "institution__acronym"
    ).order_by()
    skills = defaultdict(list)
    for offer_id, name in JobOfferSkill.objects.filter(content_object__in=open_offers).values_list(
        "content_object_id", "tag__name"
    ):
        skills[offer_id].append(name)
    for pk, *texts in rows.iterator(chunk_size=2000):
        seen = set()
        for word in surface_words(" ".join(filter(None, [*texts, *skills[pk]]))):
            folded = fold(word)
            if len(folded) < 3 or len(folded) > 100 or not analyse_word(word) or folded.isdigit():
                continue
            forms[folded][word] += 1
            seen.add(folded)
        offers.update(seen)
    return forms, offers


def display_form(forms):
    """The most frequent way offers write the word, in lower case unless it is an acronym."""
    form = forms.most_common(1)[0][0]
    return form if len(form) > 1 and form.isupper() else form.lower()


def refresh_vocabulary():
    """Rebuild the vocabulary from the open offers. Returns its number of words."""
    forms, offers = offer_words()
    words = [
        SpellingWord(word=folded, display=display_form(forms[folded]), token=analyse_word(folded), offers=count)
        for folded, count in offers.items()
    ]
    with transaction.atomic():
        SpellingWord.objects.all().delete()
        SpellingWord.objects.bulk_create(words, batch_size=1000)
    return len(words)
