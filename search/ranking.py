"""How a text search orders offers, the same on every engine (database, Elasticsearch).

An offer's text has three ranks (JobOffer.search_fields): the title and the skills; the core of the
job (missions, profile, métier); the context (team, place, employer, a passing mention). Every word of
the query (a clause, with its synonyms) must appear somewhere; each then scores by the best rank it
appears in, and the offer's score is the sum, plus a bonus when the query is a phrase of the title:

    "développeur python"   Développeur Python ............................ 6 + 6 + 1 = 13
                           Développeuse full stack, skills: Python ....... 6 + 6     = 12
                           Développeur Java, Python in the missions ...... 6 + 2     =  8
                           Designer, "with the developers" and Python
                           in the missions ............................... 2 + 2     =  4

For queries of up to four words, one title word outweighs core words in every other clause: a
passing mention never beats a title match. Equal scores keep the newest offer first.
"""

WEIGHT_TITLE = 6
WEIGHT_CORE = 2
WEIGHT_CONTEXT = 1
PHRASE_IN_TITLE_BONUS = 1
# Longer texts score their first clauses only: each scored clause costs two matches per offer.
MAX_SCORED_CLAUSES = 8


def score_texts(text_query, title, core, context):
    """The score above, computed in Python for one object's analysed tokens (lists, in text order):
    `title` (title rank), `core`, `context`. None when some clause appears nowhere. The site search
    (search/site_search.py) ranks pages and offers together with it; the engines compute the same
    score in SQL or in Elasticsearch."""
    title_set, core_set = set(title), set(core)
    everything = title_set | core_set | set(context)

    def found_in(tokens, clause):
        return any(set(alternative.tokens) <= tokens for alternative in clause.alternatives)

    if not text_query or not all(found_in(everything, clause) for clause in text_query.clauses):
        return None
    total = 0
    for clause in text_query.scored[:MAX_SCORED_CLAUSES]:
        if found_in(title_set, clause):
            total += WEIGHT_TITLE
        elif found_in(core_set, clause):
            total += WEIGHT_CORE
        else:
            total += WEIGHT_CONTEXT
    phrase, size = list(text_query.phrase.tokens), len(text_query.phrase.tokens)
    if any(title[start : start + size] == phrase for start in range(len(title) - size + 1)):
        total += PHRASE_IN_TITLE_BONUS
    return total
