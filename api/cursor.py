"""The opaque, signed cursor of /api/v1/offres/ (docs/api.md, « Pagination »).

A cursor holds three things, signed with SECRET_KEY (django.core.signing, its own salt) so that a
client can neither forge nor edit one:

    p   the position of the next offer in the result list (0-based)
    t   the instant of the first page (microseconds since the epoch): the following pages leave out
        the offers first published after it (OfferQuery.published_until), so that offers published
        during a walk never shift its pages
    q   a digest of the search it belongs to: a cursor sent with other parameters is refused

A tampered, truncated or foreign cursor raises InvalidCursor, which the view answers with a 400.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.core import signing

from search.query import PAGE_SIZE

# Offers per answer: at most a page of /offres/, so that an answer costs at most two engine searches
# (api.views.engine_slice).
MAX_SIZE = DEFAULT_SIZE = PAGE_SIZE
SALT = "metnum.api.cursor.v1"
MAX_LENGTH = 500


class InvalidCursor(Exception):
    pass


@dataclass(frozen=True)
class Cursor:
    position: int
    snapshot: datetime.datetime
    search: str  # digest of the search (search_digest)

    def encode(self):
        micros = int(self.snapshot.timestamp() * 1_000_000)
        return signing.dumps({"p": self.position, "t": micros, "q": self.search}, salt=SALT, compress=True)

    @classmethod
    def decode(cls, value):
        if not value or len(value) > MAX_LENGTH:
            raise InvalidCursor
        try:
            data = signing.loads(value, salt=SALT)
            position, micros, search = data["p"], data["t"], data["q"]
        except Exception:  # a bad signature, or anything else a value from the URL can raise
            raise InvalidCursor from None
        if not (isinstance(position, int) and isinstance(micros, int) and isinstance(search, str)) or position < 0:
            raise InvalidCursor
        try:
            snapshot = datetime.datetime.fromtimestamp(micros / 1_000_000, tz=datetime.UTC)
        except (OverflowError, OSError, ValueError):
            raise InvalidCursor from None
        return cls(position, snapshot, search)


def search_digest(query):
    """What identifies a search: its canonical parameters without the page (OfferQuery.params)."""
    return hashlib.sha256(query.urlencode(page=False).encode()).hexdigest()[:20]
