"""One intake: read a source's file with its adapter, keep the digital jobs, find their employer,
then hand the rows to jobs.importer — the only writer of offers (same validation, report,
idempotence), under the source's import lock (jobs.import_lock, taken by the caller)."""

from dataclasses import dataclass, field

from django.utils import timezone

from jobs.importer import SourceRow, import_offers

from .duplicates import DuplicateFinder
from .employers import EmployerMatcher
from .filtering import DigitalFilter
from .mapping import parse_date


@dataclass(frozen=True)
class Decision:
    """What became of one record, for the report: only what it shows, so that the report of a file
    of tens of thousands of offers does not hold their texts."""

    line: int
    reference: str
    title: str
    why: str

    @classmethod
    def of(cls, record, why):
        return cls(record.line, record.reference, record.title, why)

    def __str__(self):
        where = f"n° {self.line}" + (f", référence « {self.reference} »" if self.reference else "")
        return f"{where}, « {self.title} » : {self.why}"


@dataclass
class IntakeReport:
    adapter: object
    kept: list = field(default_factory=list)
    dropped: list = field(default_factory=list)
    set_aside: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    result: object = None  # jobs.importer.ImportResult

    def summary(self):
        return (
            f"{self.adapter.label} : {len(self.kept)} offres du numérique gardées, {len(self.dropped)} écartées, "
            f"{len(self.set_aside)} mises de côté (employeur à rattacher), {len(self.duplicates)} déjà publiées par "
            "une autre source."
        )


def run_intake(adapter, path, *, dry_run=False, draft=False, close_missing=False, today=None):
    """Read `path` with `adapter` and import what the filter keeps. ImportFileError when the file
    cannot be used (nothing written)."""
    today = today or timezone.localdate()
    records = adapter.records(path)  # the whole file is checked here, before anything is written
    report = IntakeReport(adapter)
    digital = DigitalFilter()
    employers = EmployerMatcher(adapter.source)
    duplicates = DuplicateFinder(adapter.source)

    def rows():
        for record in records:
            kept, why = digital.decide(record)
            if not kept:
                report.dropped.append(Decision.of(record, why))
                continue
            if record.deadline and record.deadline < today:
                report.dropped.append(Decision.of(record, f"date limite passée ({record.deadline:%d/%m/%Y})"))
                continue
            published = parse_date(record.row.get("published_at"))
            if published and published > today:  # the next run takes it, on its day
                report.dropped.append(Decision.of(record, f"publication prévue le {published:%d/%m/%Y}"))
                continue
            institution = employers.match(record.employers)
            if institution is None:
                name = record.employers[0] if record.employers else "employeur non indiqué"
                report.set_aside.append(Decision.of(record, f"employeur « {' '.join(name.split())} » à rattacher"))
                continue
            if duplicate := duplicates.find(record, institution):
                pk, how = duplicate
                duplicates.remember(record, pk, how)
                report.duplicates.append(Decision.of(record, f"même offre que l'offre n° {pk} ({how})"))
                continue
            report.kept.append(Decision.of(record, why))
            yield SourceRow(record.line, {**record.row, "institution": institution})

    # Closing what a file no longer lists only makes sense when something will be imported: an
    # empty selection (rules all switched off, a file of another source) must not close every offer.
    if close_missing and not any(
        digital.decide(record)[0]
        and not (record.deadline and record.deadline < today)
        and employers.match(record.employers, count=False)
        for record in records
    ):
        close_missing = False
        report.notes.append(
            "Aucune offre à importer : les offres de cette source déjà en ligne ne sont pas fermées (vérifiez le "
            "fichier et les règles du filtre)."
        )
    result = import_offers(
        rows(), adapter.source, draft=draft, dry_run=dry_run, close_missing=close_missing, today=today
    )
    report.notes = adapter.notes + report.notes
    report.result = result
    if not dry_run:
        employers.save()
        duplicates.save()
    return report
