"""Where the reports will find the applications made on the site (issue 17: `candidates` app,
`Application` with `offer` and `submitted_at`). impact does not import that app: the lead wires it
by registering, from the app that knows applications, a function

    register_source(lambda start, end, offer_ids: {offer_id: number, …})

that counts the applications submitted from `start` to `end` (days, included), for the given offers
(None: every offer). Until then the reports show no application column."""

_sources = []


def register_source(function):
    _sources.append(function)


def available():
    return bool(_sources)


def count_by_offer(start, end, offer_ids=None):
    counts = {}
    for source in _sources:
        for offer_id, number in source(start, end, offer_ids).items():
            counts[offer_id] = counts.get(offer_id, 0) + number
    return counts
