"""Offer rows in any number for the import benchmark. Volume generation is not demo content: the
rows reuse the demo offers' texts (demo/data/offers/) over and over, each with its own identifier and
seeded dates, for the demo employers (created without logos)."""

import datetime
import random

from django.utils import timezone


def ensure_employers():
    from demo.institutions import ensure_institutions

    ensure_institutions(with_logos=False)


def offer_rows(count, seed=20260101, today=None):
    """`count` valid import rows, the same for a given seed and day; about one in ten has expired."""
    from demo.offers import offer_rows as demo_offer_rows

    today = today or timezone.localdate()
    texts = demo_offer_rows(today)
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        published = today - datetime.timedelta(days=rng.randint(2, 90))
        if rng.random() < 0.1:  # expired: the deadline fell between publication and yesterday
            deadline = published + datetime.timedelta(days=rng.randint(1, (today - published).days - 1))
        else:
            deadline = today + datetime.timedelta(days=rng.randint(0, 60))
        rows.append(
            dict(
                texts[number % len(texts)],
                external_id=f"bench-{number:06d}",
                published_at=published.isoformat(),
                deadline=deadline.isoformat(),
            )
        )
    return rows
