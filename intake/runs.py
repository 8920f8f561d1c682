"""A collection as the command and the weekly task run it: download (when given an address), the
source's lock, the intake, an IntakeRun row for the admin summary, and an email to the comms team
when it fails or drops more than usual."""

import contextlib
import os

from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError
from django.utils import timezone

from jobs.import_lock import ImportRunning, source_lock
from jobs.importer import ImportFileError

from .adapters import ADAPTERS
from .models import IntakeRun
from .pipeline import run_intake
from .reading import download, is_url

# « More than usual »: this run's share of dropped records exceeds the mean of the last runs by this
# much (0.2 = twenty points), or it keeps less than half of what they kept on average.
UNUSUAL_DROP_MARGIN = 0.2
RUNS_COMPARED = 4


def collect(kind, target, *, dry_run=False, draft=False, close_missing=False, today=None):
    """Run one intake and record it. Returns (IntakeRun or None for a dry run, IntakeReport);
    re-raises ImportFileError, ImportRunning and OperationalError after recording the failure."""
    adapter = ADAPTERS[kind]()
    run = None if dry_run else IntakeRun.objects.create(kind=kind, target=str(target)[:500])
    downloaded = None
    try:
        if is_url(target):
            if not adapter.accepts_url:
                raise ImportFileError(f"La source {kind} se lit dans un fichier, pas à une adresse.")
            downloaded = target = download(target)  # whole, or nothing: then the import reads it
        lock = contextlib.nullcontext() if dry_run else source_lock(adapter.source)
        with lock:
            report = run_intake(adapter, target, dry_run=dry_run, draft=draft, close_missing=close_missing, today=today)
    except (ImportFileError, ImportRunning, OperationalError) as error:
        if run is not None:
            run.finished_at, run.status, run.message = timezone.now(), IntakeRun.Status.FAILED, str(error)
            run.save()
            notify(run, f"La collecte « {kind} » a échoué")
        raise
    finally:
        if downloaded:
            os.unlink(downloaded)
    if run is not None:
        result = report.result
        run.finished_at = timezone.now()
        run.status = IntakeRun.Status.REJECTED_ROWS if result.rejected else IntakeRun.Status.SUCCESS
        run.kept, run.dropped, run.set_aside = len(report.kept), len(report.dropped), len(report.set_aside)
        run.duplicates = len(report.duplicates)
        run.created, run.updated, run.unchanged = result.created, result.updated, result.unchanged
        run.rejected, run.closed = result.rejected, result.closed
        run.message = "\n".join([*report.notes, *(str(error) for error in result.errors[:50])])
        run.save()
        if unusual := unusual_drop(run):
            notify(run, f"La collecte « {kind} » a écarté plus d'offres que d'habitude", unusual)
    return run, report


def unusual_drop(run):
    """A French sentence when `run` dropped more than the previous successful runs of its format."""
    previous = list(
        IntakeRun.objects.filter(kind=run.kind, finished_at__isnull=False)
        .exclude(status=IntakeRun.Status.FAILED)
        .exclude(pk=run.pk)
        .order_by("-started_at")[:RUNS_COMPARED]
    )
    previous = [other for other in previous if other.total]
    if not previous or not run.total:
        return ""
    usual_share = sum(other.dropped / other.total for other in previous) / len(previous)
    usual_kept = sum(other.kept for other in previous) / len(previous)
    share = run.dropped / run.total
    if share > usual_share + UNUSUAL_DROP_MARGIN or run.kept < usual_kept / 2:
        return (
            f"{run.dropped} offres écartées sur {run.total} ({share:.0%}), {run.kept} gardées ; d'habitude "
            f"{usual_share:.0%} écartées et {usual_kept:.0f} gardées. Vérifiez le fichier et les règles du filtre "
            "numérique."
        )
    return ""


def notify(run, subject, details=""):
    """Email the comms team (INTAKE_NOTIFY_EMAILS); nothing when no address is configured."""
    recipients = settings.INTAKE_NOTIFY_EMAILS
    if not recipients:
        return
    body = "\n\n".join(
        part
        for part in (
            f"{subject}.",
            details,
            run.message,
            f"Format : {run.kind}\nFichier ou adresse : {run.target}\nCommencée le : "
            f"{timezone.localtime(run.started_at):%d/%m/%Y à %H:%M}",
            "Le bilan des collectes est dans l'administration : Collecte des offres → Collectes.",
        )
        if part
    )
    send_mail(f"[MetNum] {subject}", body, None, recipients, fail_silently=True)
