"""Which institution a source's employer is: by name or acronym (case, accents and punctuation
ignored), or by the comms team's choice on a SourceEmployer. Never a new institution: a record
whose employer no institution matches is put aside, its name counted for the comms team."""

import re
from collections import Counter

from django.db import transaction
from django.utils import timezone

from jobs.importer import match_key
from jobs.models import Institution

from .models import SourceEmployer

NO_NAME = "Employeur non indiqué"


def variants(name):
    """« Service infrastructure de la défense (SID) » → itself, « Service infrastructure de la
    défense », « SID » ; « France Travail - Direction Generale PE » → also « France Travail » ;
    a name on several lines → each line."""
    found = []
    for line in [name, *str(name).splitlines()]:
        found.append(line)
        found.extend(re.findall(r"\(([^()]+)\)", line))
        found.append(re.sub(r"\([^()]*\)", "", line))
        found.extend(part for part in re.split(r"\s+[-–—/]\s+", line) if part)
    return [variant for variant in dict.fromkeys(variant.strip() for variant in found) if variant]


class EmployerMatcher:
    def __init__(self, source):
        self.source = source
        self.index = {}
        for slug, name, acronym in Institution.objects.values_list("slug", "name", "acronym"):
            for value in (name, acronym, slug):
                if value:
                    self.index.setdefault(match_key(value), set()).add(slug)
        self.mapped = dict(
            SourceEmployer.objects.filter(source=source, institution__isnull=False).values_list(
                "key", "institution__slug"
            )
        )
        self.unmatched = Counter()
        self.names = {}

    def match(self, names, *, count=True):
        """The slug of the institution `names` designate (most specific first), or None (counted
        unless `count` is false)."""
        for name in names:
            if (key := match_key(name)) in self.mapped:
                return self.mapped[key]
            for variant in variants(name):
                slugs = self.index.get(match_key(variant), set())
                if len(slugs) == 1:
                    return next(iter(slugs))
        if not count:
            return None
        name = next((" ".join(str(name).split()) for name in names if str(name).strip()), NO_NAME)
        key = match_key(name)
        self.unmatched[key] += 1
        self.names.setdefault(key, name[:300])
        return None

    def save(self):
        """Record this run's unmatched employers (count of records put aside, last seen)."""
        now = timezone.now()
        with transaction.atomic():
            for key, count in self.unmatched.items():
                employer, created = SourceEmployer.objects.get_or_create(
                    source=self.source,
                    key=key[:300],
                    defaults={"name": self.names[key], "records": count, "first_seen": now, "last_seen": now},
                )
                if not created:
                    SourceEmployer.objects.filter(pk=employer.pk).update(records=count, last_seen=now)
