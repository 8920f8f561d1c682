"""What the search app tells the apps above it, which it does not import (the impact counts)."""

from django.dispatch import Signal

# An offer search was run (first page only): `request`, `text` (as typed, cleaned), `total` (offers found).
offer_search_run = Signal()
