"""The same offer seen in two sources (Choisir le service public and France Travail) stays one
offer: the record of the second source is linked to the first one's offer (SourceLink) instead of
being imported again. Matched by reference first (a link to the other source's page, or a link
already made), then by title, institution and commune."""

import difflib
import re

from django.db import transaction
from django.utils import timezone

from jobs.models import JobOffer

from .models import SourceLink
from .text import normalised

# References of Choisir le service public (and of the Place de l'emploi public before it) in links.
CSP_REFERENCE = re.compile(r"(?:choisirleservicepublic|place-emploi-public)\.gouv\.fr/offre-emploi/([^/?#\s]+)")
GENDER_MARKS = re.compile(r"\((?:h|f)\s*/\s*(?:h|f)\)|\b(?:h|f)\s*/\s*(?:h|f)\b")
TITLE_SIMILARITY = 0.85


def title_key(title):
    """« Administrateur systèmes et réseaux (H/F) » → "administrateur systemes et reseaux"."""
    return " ".join(re.sub(r"[^\w]+", " ", GENDER_MARKS.sub(" ", normalised(title))).split())


def references_in(record):
    """The other sources' references that a record names in its links."""
    text = " ".join(str(value) for value in (record.row.get("apply_url"), *record.links) if value)
    return {match.group(1) for match in CSP_REFERENCE.finditer(text)}


class DuplicateFinder:
    def __init__(self, source):
        self.source = source
        offers = (
            JobOffer.objects.filter(live=True)
            .exclude(source=source)
            .exclude(source="")
            .values_list("pk", "source", "external_id", "title", "institution__slug", "postal_code", "city")
        )
        self.by_reference, self.by_place, self.live = {}, {}, set()
        for pk, source_name, external_id, title, institution, postal_code, city in offers:
            self.live.add(pk)
            self.by_reference.setdefault(external_id, []).append((pk, source_name))
            place = (institution, postal_code[:2], normalised(city))
            self.by_place.setdefault(place, []).append((pk, source_name, external_id, title_key(title)))
        self.links = dict(SourceLink.objects.filter(source=source).values_list("external_id", "offer_id"))
        self.found = []  # (record, offer pk, how)

    def find(self, record, institution):
        """(offer pk, French reason) of the other source's offer this record repeats, or None."""
        if self.links.get(record.reference) in self.live:  # an offer closed since is not a match any more
            return self.links[record.reference], "lien déjà établi"
        for reference in sorted(references_in(record)):
            for pk, source_name in self.by_reference.get(reference, []):
                return pk, f"référence « {reference} » de la source {source_name}"
        place = (institution, record.row.get("postal_code", "")[:2], normalised(record.row.get("city")))
        key = title_key(record.title)
        best = None
        for pk, source_name, external_id, other_title in self.by_place.get(place, []):
            ratio = difflib.SequenceMatcher(None, key, other_title).ratio()
            if ratio >= TITLE_SIMILARITY and (best is None or ratio > best[0]):
                best = (ratio, pk, source_name, external_id)
        if best:
            ratio, pk, source_name, external_id = best
            return pk, (
                f"même intitulé ({ratio:.0%}), même employeur et même commune que « {external_id} » "
                f"de la source {source_name}"
            )
        return None

    def remember(self, record, pk, how):
        self.found.append((record, pk, how))

    def save(self):
        now = timezone.now()
        with transaction.atomic():
            for record, pk, how in self.found:
                SourceLink.objects.update_or_create(
                    source=self.source,
                    external_id=record.reference,
                    defaults={
                        "offer_id": pk,
                        "url": (record.links[0] if record.links else record.row.get("apply_url", ""))[:500],
                        "matched_by": how[:200],
                        "last_seen": now,
                    },
                )
