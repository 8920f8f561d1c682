"""The recruiters' admin views (menu « Candidatures »; docs/recruiting.md). Every view asks access.py who
may see what; an application, a CV or a pool profile out of reach is a 404, as a missing one would be."""

import csv
import io
import logging
from functools import partial

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from candidates.models import Application, ApplicationStatus
from jobs.models import Institution, JobOffer
from metnum_site.rate_limits import count_request
from metnum_site.spreadsheets import as_text

from . import access, emails, tasks
from .forms import ApplicationFilterForm, ContactForm, DecisionForm, NoteForm, PoolSearchForm
from .models import ApplicationNote, CvDownload, PoolContact

logger = logging.getLogger("recruiting")
PER_PAGE = 50
CONTACTS_PER_DAY = 20
DAY = 24 * 60 * 60


def status_counts(path):
    """How many applications (reached by `path`) in all and per status: counts only, never a name."""
    return {
        "total": Count(path),
        **{
            f"count_{status.value}": Count(path, filter=Q(**{f"{path}__status": status.value}))
            for status in ApplicationStatus
        },
    }


def offer_counts(offers):
    return (
        offers.annotate(**status_counts("applications"))
        .filter(total__gt=0)
        .select_related("institution")
        .order_by("institution__name", "title", "pk")
    )


def institution_counts(institutions):
    return institutions.annotate(**status_counts("job_offers__applications")).filter(total__gt=0).order_by("name")


class RecruitingView(WagtailAdminTemplateMixin, TemplateView):
    breadcrumbs_items = []
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        access.require_recruiter(request.user)
        return super().dispatch(request, *args, **kwargs)


class IndexView(WagtailAdminTemplateMixin, TemplateView):
    """Recruiters: their institutions' applications, filtered by institution, offer and status, with
    the counts per offer. The editorial team without the permission: the counts only."""

    page_title = "Candidatures"
    header_icon = "user"
    breadcrumbs_items = []

    def get_template_names(self):
        if access.is_recruiter(self.request.user):
            return ["recruiting/admin/index.html"]
        if access.sees_counts_only(self.request.user):
            return ["recruiting/admin/counts.html"]
        raise PermissionDenied

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if not access.is_recruiter(user):
            context.update(
                offers=offer_counts(JobOffer.objects.all()), institutions=institution_counts(Institution.objects.all())
            )
            return context
        applications = access.visible_applications(user)
        form = ApplicationFilterForm(
            self.request.GET or None, institutions=access.recruiting_institutions(user), applications=applications
        )
        shown = form.filter(applications).select_related("candidate", "offer", "offer__institution")
        ids = access.recruiting_institution_ids(user)
        offers = JobOffer.objects.all() if ids is None else JobOffer.objects.filter(institution_id__in=ids)
        context.update(
            form=form,
            page_obj=Paginator(shown, PER_PAGE).get_page(self.request.GET.get("p")),
            offers=offer_counts(offers),
            institutions=institution_counts(access.recruiting_institutions(user)),
        )
        return context


class ApplicationView(RecruitingView):
    template_name = "recruiting/admin/application.html"

    def get_page_title(self):
        return f"Candidature de {self.application.candidate.full_name}"

    def dispatch(self, request, *args, application_id, **kwargs):
        access.require_recruiter(request.user)
        self.application = access.application_for(request.user, application_id)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, decision_form=None, note_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            decision_form=decision_form
            or DecisionForm(
                initial={"status": application.status, "refusal_reasons": list(application.refusal_reasons.all())},
                application=application,
            ),
            note_form=note_form or NoteForm(),
            notes=application.notes.select_related("author"),
            downloads=application.cv_downloads.select_related("user")[:10],
            candidate=application.candidate,
            previews=emails.decision_previews(application),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST, application=self.application)
        if not form.is_valid():
            messages.error(request, "La décision n'a pas été enregistrée : corrigez les erreurs ci-dessous.")
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        status = form.cleaned_data["status"]
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.application.pk)
            changed = application.status != status
            application.status = status
            if changed:
                application.status_changed_at = timezone.now()
            application.save(update_fields=["status", "status_changed_at"])
            application.refusal_reasons.set(form.cleaned_data["refusal_reasons"])
            if changed and status in tasks.DECISIONS:
                transaction.on_commit(partial(tasks.send_decision.enqueue, application.pk, status), robust=True)
        if changed and status in tasks.DECISIONS:
            messages.success(
                request, "Statut enregistré. La personne candidate est informée de la décision par e-mail."
            )
        else:
            messages.success(request, "Statut enregistré.")
        return redirect("recruiting_application", application_id=application.pk)


class NoteView(View):
    def post(self, request, application_id):
        access.require_recruiter(request.user)
        application = access.application_for(request.user, application_id)
        form = NoteForm(request.POST)
        if form.is_valid():
            ApplicationNote.objects.create(application=application, author=request.user, text=form.cleaned_data["text"])
            messages.success(request, "Note ajoutée.")
        else:
            messages.error(request, "La note est vide ou trop longue (5 000 caractères au plus) : rien n'a été ajouté.")
        return redirect("recruiting_application", application_id=application.pk)

    def get(self, request, application_id):
        return redirect("recruiting_application", application_id=application_id)


def download_cv(request, application_id):
    """The CV as a PDF attachment, never shown inline, never cached; each download logged."""
    access.require_recruiter(request.user)
    application = access.application_for(request.user, application_id)
    try:
        file = application.cv.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("Le CV de cette candidature est introuvable.") from error
    CvDownload.objects.create(application=application, user=request.user)
    response = FileResponse(
        file, as_attachment=True, filename=f"CV-candidature-{application.pk}.pdf", content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


POOL_EXPORT_HEADINGS = ["Prénom", "Nom", "Poste actuel", "Années d'expérience", "Région", "Domaines", "Contrats"]


def pool_rows(candidates):
    for candidate in candidates:
        yield [
            candidate.first_name,
            candidate.last_name,
            candidate.current_job,
            "" if candidate.years_of_experience is None else candidate.years_of_experience,
            candidate.get_region_display(),
            ", ".join(domain.name for domain in candidate.domains.all()),
            ", ".join(str(contract) for contract in candidate.contract_types.all()),
        ]


class PoolView(RecruitingView):
    """The talent pool, searched for one of the recruiter's institutions at a time; `?export=csv` gives
    the same results as a file (no address, no phone, like the page)."""

    page_title = "Vivier de talents"
    template_name = "recruiting/admin/pool.html"

    def search(self):
        institutions = access.recruiting_institutions(self.request.user)
        data = self.request.GET.copy()
        data.pop("export", None)
        data.pop("p", None)
        if not data.get("institution") and institutions:
            data["institution"] = str(institutions[0].pk)
        form = PoolSearchForm(data, institutions=institutions)
        if not form.is_valid():
            return form, None, None, data
        institution = form.cleaned_data["institution"]
        results = form.search(access.pool_for(institution)).prefetch_related("domains", "contract_types")
        return form, institution, results, data

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            _, institution, results, _ = self.search()
            if results is not None:
                return pool_csv(institution, results)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, institution, results, data = self.search()
        if results is not None:
            context.update(
                institution=institution,
                page_obj=Paginator(results, PER_PAGE).get_page(self.request.GET.get("p")),
                query=data.urlencode(),
            )
        context.update(form=form, has_results=results is not None)
        return context


def pool_csv(institution, candidates):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(POOL_EXPORT_HEADINGS)
    writer.writerows([as_text(cell) for cell in row] for row in pool_rows(candidates))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vivier-{institution.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


class PoolCandidateView(RecruitingView):
    """A pool profile as the chosen institution sees it (never the email or the phone), and « Contacter »."""

    template_name = "recruiting/admin/pool_candidate.html"

    def get_page_title(self):
        return f"Profil de {self.candidate.first_name} {self.candidate.last_name}"

    def dispatch(self, request, *args, candidate_id, **kwargs):
        access.require_recruiter(request.user)
        self.institutions = access.recruiting_institutions(request.user)
        requested = request.POST.get("institution") or request.GET.get("institution")
        self.institution = (
            self.institutions.filter(pk=requested).first() if str(requested or "").isdigit() else None
        ) or self.institutions.first()
        self.candidate = access.pool_for(self.institution).filter(pk=candidate_id).first() if self.institution else None
        if self.candidate is None:
            raise Http404("Aucune personne de ce numéro dans le vivier de cette institution.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, contact_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            candidate=self.candidate,
            institution=self.institution,
            institutions=self.institutions,
            contact_form=contact_form
            or ContactForm(initial={"institution": self.institution}, institutions=self.institutions),
            has_email=bool(self.request.user.email),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ContactForm(request.POST, institutions=self.institutions)
        if form.is_valid():
            if not request.user.email:
                form.add_error(
                    None, "Ajoutez une adresse e-mail à votre compte : c'est à elle que la personne répondra."
                )
            elif count_request("pool_contact", f"user:{request.user.pk}", DAY)[0] > CONTACTS_PER_DAY:
                form.add_error(
                    None, f"Vous avez déjà contacté {CONTACTS_PER_DAY} personnes aujourd'hui : réessayez demain."
                )
        if not form.is_valid():
            messages.error(request, "Le message n'a pas été envoyé : corrigez les erreurs ci-dessous.")
            return self.render_to_response(self.get_context_data(contact_form=form), status=400)
        # The profile was checked against the institution of the URL; the message may be for another one.
        institution = form.cleaned_data["institution"]
        if not access.pool_for(institution).filter(pk=self.candidate.pk).exists():
            raise Http404("Aucune personne de ce numéro dans le vivier de cette institution.")
        with transaction.atomic():
            contact = PoolContact.objects.create(
                candidate=self.candidate,
                institution=institution,
                sender=request.user,
                message=form.cleaned_data["message"],
            )
            transaction.on_commit(partial(tasks.send_pool_contact.enqueue, contact.pk), robust=True)
        messages.success(
            request,
            "Message envoyé par Métiers du numérique. Si la personne souhaite donner suite, "
            "elle vous répondra à votre adresse e-mail.",
        )
        return redirect(reverse("recruiting_pool") + f"?institution={institution.pk}")
