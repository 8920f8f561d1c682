"""Fixed-window request counters in Django's cache (Redis in production, shared by every process),
for every limit that counts requests per client or per address: the API's rate limit (api/http.py)
and the alert requests' limits (alerts/throttle.py). Keys hold a salted hash of what is counted,
never the address itself."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def count_request(scope, identity, period, now=None):
    """Count one request of `identity` in the current `period`-second window of `scope`; return the
    window's count so far and the seconds left until the next window. Cache errors are raised."""
    now = time.time() if now is None else now
    window = int(now // period)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()[:32]
    key = f"metnum:{scope}:{digest}:{window}"
    cache.add(key, 0, period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period + 1)
        count = 1
    return count, max(1, int((window + 1) * period - now) + 1)
