"""Counting without slowing a page: each event is one atomic increment in the cache (LocMem in
development, Redis in production), and `flush()` moves the counts to the database (models.py), from a
django-tasks task that cron enqueues (`manage.py flush_impact_counts`) and before each report.

Each counter is registered once in a numbered *slot* (its day, its kind, its subject), so that the
flush can list the counters without scanning the cache. The flush takes each counter's value away
with an atomic decrement, then adds it to the day's row: a count made meanwhile stays in the cache for
the next flush, and a second flush finds nothing left to add. A crash between the decrement and the
database write loses the counts of that one flush; a cache restart loses what was not flushed yet
(docs/impact.md)."""

import hashlib
import logging
import re
import unicodedata

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from jobs.models import JobOffer

from .models import OfferDailyCount, SearchDailyCount

logger = logging.getLogger(__name__)

VIEW = "view"
APPLY = "apply"
SEARCH = "search"
ZERO_RESULT = "zero"
OFFER_KINDS = {VIEW: "views", APPLY: "apply_clicks"}
SEARCH_KINDS = {SEARCH: "searches", ZERO_RESULT: "zero_result_searches"}

# Counts wait up to a week in the cache for a flush (a stopped worker, a long weekend).
COUNTER_LIFE = 7 * 24 * 3600
SEQUENCE_KEY = "impact:slots"
FIRST_SLOT_KEY = "impact:first-slot"
FLUSH_LOCK_KEY = "impact:flush-lock"
FLUSH_LOCK_LIFE = 300
MAX_TEXT_LENGTH = 100

# Crawlers, link previews and scripts: not people reading an offer. No user agent at all is a script too.
ROBOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|headless|lighthouse|pingdom"
    r"|uptime|monitor|python-|curl|wget|httpie|go-http-client|java/|okhttp|libwww|scrapy|axios|node-fetch",
    re.IGNORECASE,
)
EMAIL = re.compile(r"\S+@\S+|\S+\s*(\(at\)|\[at\]|arobase)\s*\S+", re.IGNORECASE)
# Six digits or more, whatever separates them: a phone number (or a number too personal to keep).
PHONE = re.compile(r"(?:\+|\b)\d(?:[\s.\-/]?\d){5,}")


def is_robot(request):
    user_agent = request.headers.get("User-Agent", "")
    return not user_agent.strip() or bool(ROBOT.search(user_agent))


def countable(request):
    """A GET by a browser: HEAD requests (link checkers, monitors) and robots are not counted."""
    return request.method == "GET" and not is_robot(request)


def search_text(text):
    """The text kept for a search: lower case, single spaces, capped; "" for a text that looks like
    personal data (an e-mail address, a phone number), which is then counted without its text."""
    text = unicodedata.normalize("NFC", " ".join(str(text or "").lower().split()))[:MAX_TEXT_LENGTH].strip()
    if EMAIL.search(text) or PHONE.search(text):
        return None
    return text


def _counter_key(day, kind, subject):
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]  # a search text may hold any character
    return f"impact:count:{day}:{kind}:{digest}"


def _slot_key(number):
    return f"impact:slot:{number}"


def add(kind, subject, day=None):
    """Count one event of `kind` about `subject` (an offer's slug, a search text) today."""
    day = (day or timezone.localdate()).isoformat()
    key = _counter_key(day, kind, subject)
    try:
        if cache.add(key, 1, COUNTER_LIFE):
            _register(day, kind, subject)
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            if cache.add(key, 1, COUNTER_LIFE):
                _register(day, kind, subject)
    except Exception:
        logger.exception("Cache injoignable : un événement de la mesure d'impact n'a pas été compté.")


def _register(day, kind, subject):
    cache.add(SEQUENCE_KEY, 0, None)
    number = cache.incr(SEQUENCE_KEY)
    cache.set(_slot_key(number), (day, kind, subject), COUNTER_LIFE)


def count_offer_view(slug):
    add(VIEW, slug)


def count_apply_click(slug):
    add(APPLY, slug)


def count_search(text, total):
    """One search of `text` that found `total` offers (texts that look like personal data: no text)."""
    text = search_text(text)
    text = "" if text is None else text
    add(SEARCH, text)
    if not total:
        add(ZERO_RESULT, text)


def _read_slots():
    first = cache.get(FIRST_SLOT_KEY, 1)
    last = cache.get(SEQUENCE_KEY, 0)
    numbers = range(first, last + 1)
    slots = cache.get_many([_slot_key(number) for number in numbers])
    found = [(number, slots[_slot_key(number)]) for number in numbers if _slot_key(number) in slots]
    values = cache.get_many([_counter_key(*slot) for _, slot in found])
    return last, [(number, slot, values.get(_counter_key(*slot), 0)) for number, slot in found]


def flush():
    """Move the cache's counts to the database; returns how many events were moved. One flush at a
    time (a lock in the cache); a flush that finds the lock taken moves nothing."""
    if not cache.add(FLUSH_LOCK_KEY, 1, FLUSH_LOCK_LIFE):
        return 0
    try:
        return _flush()
    finally:
        cache.delete(FLUSH_LOCK_KEY)


def _flush():
    last, slots = _read_slots()
    taken = {}
    for _, slot, value in slots:
        if value > 0:
            cache.decr(_counter_key(*slot), value)
            taken[slot] = value
    try:
        with transaction.atomic():
            _write(taken)
    except Exception:
        for slot, value in taken.items():  # give the counts back to the next flush
            add_many(slot, value)
        raise
    _forget_past_slots(last, slots)
    return sum(taken.values())


def add_many(slot, value):
    day, kind, subject = slot
    key = _counter_key(day, kind, subject)
    if cache.add(key, value, COUNTER_LIFE):
        _register(day, kind, subject)
    else:
        cache.incr(key, value)


def _write(taken):
    slugs = {subject for (_, kind, subject) in taken if kind in OFFER_KINDS}
    offers = {
        row["slug"]: row for row in JobOffer.objects.filter(slug__in=slugs).values("pk", "slug", "institution_id")
    }
    for (day, kind, subject), value in sorted(taken.items()):
        if kind in OFFER_KINDS:
            offer = offers.get(subject)
            if offer is None:  # deleted since, or a slug that never was: nothing to attach the count to
                continue
            field = OFFER_KINDS[kind]
            updated = OfferDailyCount.objects.filter(day=day, offer_id=offer["pk"]).update(**{field: F(field) + value})
            if not updated:
                OfferDailyCount.objects.create(
                    day=day, offer_id=offer["pk"], institution_id=offer["institution_id"], **{field: value}
                )
        elif kind in SEARCH_KINDS:
            field = SEARCH_KINDS[kind]
            updated = SearchDailyCount.objects.filter(day=day, text=subject).update(**{field: F(field) + value})
            if not updated:
                SearchDailyCount.objects.create(day=day, text=subject, **{field: value})


def _forget_past_slots(last, slots):
    """Drop the leading slots of past days whose count is flushed (and the expired ones), so that
    each flush reads only the slots still in use."""
    today = timezone.localdate().isoformat()
    first = last + 1
    for number, slot, _ in slots:
        if slot[0] >= today or cache.get(_counter_key(*slot), 0):
            first = number
            break
        cache.delete_many([_slot_key(number), _counter_key(*slot)])
    cache.set(FIRST_SLOT_KEY, first, None)
