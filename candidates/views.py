"""The candidates' space (/espace-candidat/…, docs/candidates.md). Every page is private: never kept by
the page cache nor by a shared cache (Cache-Control: private, no-store), never indexed, and every page
but the sign-in ones needs a signed-in candidate (candidates.sign_in), who only ever reaches their own
rows: each query starts from `request.candidate`."""

import functools
import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from jobs.models import JobOffer
from jobs.presenters import french_date

from . import applications, pdf, personal_data, sign_in, tasks, throttle
from .forms import ApplicationForm, ProfileForm, SignInForm
from .models import Application

logger = logging.getLogger("candidates")
TOO_MANY_FROM_CLIENT = (
    "Trop de demandes de connexion ont été envoyées depuis votre connexion internet. Réessayez dans une heure."
)
TOO_MANY_FOR_ADDRESS = (
    "Trop de liens de connexion ont été demandés pour cette adresse e-mail. Réessayez dans une heure, "
    "ou suivez le lien du dernier e-mail reçu s'il a moins de 15 minutes."
)
NEXT = "suivant"


def private_page(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    never_cached = never_cache(wrapped)

    @functools.wraps(view)
    def private(request, *args, **kwargs):
        response = never_cached(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store, max-age=0"
        return response

    return private


def candidate_required(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.candidate = sign_in.current_candidate(request)
        if request.candidate is None:
            return redirect(f"{reverse('candidates:sign_in')}?{urlencode({NEXT: request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapped


def breadcrumb(current, space=True):
    links = [{"url": reverse("candidates:home"), "title": "Espace candidat"}] if space else []
    return {"links": links, "current": current}


@private_page
@require_http_methods(["GET", "POST"])
def sign_in_request(request):
    """/espace-candidat/connexion/: the address to send a sign-in link to."""
    next_url = sign_in.safe_next(request.POST.get(NEXT) if request.method == "POST" else request.GET.get(NEXT))
    if request.method == "GET" and sign_in.current_candidate(request) is not None:
        return redirect(next_url or "candidates:home")
    status, notice = 200, ""
    form = SignInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if throttle.client_over_limit(request):
            status, notice = 429, TOO_MANY_FROM_CLIENT
        elif form.is_valid():
            email = form.cleaned_data["email"]
            if throttle.address_over_limit(email):
                status, notice = 429, TOO_MANY_FOR_ADDRESS
            else:
                # Not in a transaction (no ATOMIC_REQUESTS): the row is committed before the task reads it.
                tasks.send_sign_in_link.enqueue(sign_in.request_link(email, next_url).pk)
                return redirect("candidates:link_sent")
        else:
            status = 400
    context = {
        "form": form,
        "next_url": next_url,
        "notice": notice,
        "breadcrumb_data": breadcrumb("Connexion", space=False),
    }
    return render(request, "candidates/sign_in.html", context, status=status)


@private_page
def link_sent(request):
    return render(
        request,
        "candidates/link_sent.html",
        {"minutes": sign_in.LINK_MINUTES, "breadcrumb_data": breadcrumb("Lien envoyé", space=False)},
    )


@private_page
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token):
    """The link of the email. GET asks to confirm (mail scanners that open links spend nothing); POST
    spends the link and signs in."""
    link = sign_in.read_link(token)
    if link is None:
        return invalid_link(request)
    if request.method == "POST":
        candidate = sign_in.use_link(link)
        if candidate is None:
            return invalid_link(request)
        sign_in.sign_in(request, candidate)
        next_url = sign_in.safe_next(link.next_url)
        if not candidate.first_name or not candidate.last_name:
            profile = reverse("candidates:profile")
            return redirect(f"{profile}?{urlencode({NEXT: next_url})}" if next_url else profile)
        return redirect(next_url or "candidates:home")
    return render(request, "candidates/sign_in_confirm.html", {"breadcrumb_data": breadcrumb("Connexion", space=False)})


def invalid_link(request):
    return render(
        request, "candidates/invalid_link.html", {"breadcrumb_data": breadcrumb("Lien", space=False)}, status=404
    )


@private_page
@require_POST
def sign_out(request):
    sign_in.sign_out(request)
    return redirect("candidates:signed_out")


@private_page
@require_POST
@candidate_required
def sign_out_everywhere(request):
    sign_in.sign_out_everywhere(request, request.candidate)
    return redirect("candidates:signed_out")


@private_page
def signed_out(request):
    return render(request, "candidates/signed_out.html", {"breadcrumb_data": breadcrumb("Déconnexion", space=False)})


def application_rows(candidate):
    return [
        {
            "id": application.pk,
            "offer_title": application.offer.title,
            "offer_url": application.offer.get_absolute_url(),
            "institution": application.offer.institution.name,
            "submitted_on": french_date(application.submitted_at.date()),
            "status": application.get_status_display(),
            "status_code": application.status,
            "cv_name": application.cv_name,
            "cv_url": reverse("candidates:cv", args=[application.pk]),
        }
        for application in candidate.applications.select_related("offer__institution")
    ]


@private_page
@candidate_required
def home(request):
    candidate = request.candidate
    if not candidate.first_name or not candidate.last_name:
        return redirect("candidates:profile")
    return render(
        request,
        "candidates/home.html",
        {
            "candidate": candidate,
            "applications": application_rows(candidate),
            "breadcrumb_data": {"links": [], "current": "Espace candidat"},
        },
    )


@private_page
@require_http_methods(["GET", "POST"])
@candidate_required
def profile(request):
    candidate = request.candidate
    next_url = sign_in.safe_next(request.POST.get(NEXT) if request.method == "POST" else request.GET.get(NEXT))
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=candidate)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            return redirect(next_url or f"{reverse('candidates:home')}?profil=enregistre")
        status = 400
    return render(
        request,
        "candidates/profile.html",
        {
            "form": form,
            "candidate": candidate,
            "next_url": next_url,
            "first_time": not (candidate.first_name and candidate.last_name),
            "breadcrumb_data": breadcrumb("Mon profil"),
        },
        status=status,
    )


class CvSizeLimitHandler(FileUploadHandler):
    """Stops reading a CV past the size limit (the rest is skipped, nothing kept): the form then says
    the file is too large, instead of the request being refused with an error page."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.too_large = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.CANDIDATES_CV_MAX_BYTES:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


@csrf_exempt  # the upload handler must be in place before the CSRF check reads the form
@require_http_methods(["GET", "POST"])
def apply(request, offer_id):
    limit = CvSizeLimitHandler(request)
    request.upload_handlers.insert(0, limit)
    if request.method == "POST":
        # A CV too large is skipped by the handler while the body is read (the form then says so); form
        # fields over DATA_UPLOAD_MAX_MEMORY_SIZE stop the parsing: they get a page of their own.
        try:
            request.POST  # noqa: B018
        except RequestDataTooBig:
            drain(request)
            return too_large(request, offer_id)
    return _apply(request, offer_id, limit)


def drain(request):
    """Read what is left of the body: answering before the client has sent it all makes browsers
    behind a proxy or gunicorn show a connection error instead of the page."""
    try:
        while request.read(64 * 1024):
            pass
    except Exception:  # the body is unreadable anyway: the page is still sent
        logger.info("Candidatures : corps de requête non lu jusqu'au bout.")


@private_page
def too_large(request, offer_id):
    return render(
        request,
        "candidates/too_large.html",
        {
            "apply_url": reverse("candidates:apply", args=[offer_id]),
            "limit": pdf.megabytes(settings.CANDIDATES_CV_MAX_BYTES),
            "breadcrumb_data": breadcrumb("Postuler"),
        },
        status=413,
    )


@private_page
@csrf_protect
@candidate_required
def _apply(request, offer_id, limit):
    candidate = request.candidate
    offer = get_object_or_404(JobOffer.objects.select_related("institution").filter(live=True), pk=offer_id)
    if not applications.receives_here(offer):
        raise Http404
    if not candidate.first_name or not candidate.last_name:
        return redirect(f"{reverse('candidates:profile')}?{urlencode({NEXT: request.get_full_path()})}")
    refusal = applications.refusal(candidate, offer)
    form, status = ApplicationForm(), 200
    if request.method == "POST" and refusal is None:
        form = ApplicationForm(request.POST, request.FILES, cv_too_large=limit.too_large)
        if form.is_valid():
            try:
                applications.submit(candidate, offer, form.cleaned_data["cover_letter"], form.cleaned_data["cv"])
            except applications.Refused as refused:
                refusal = refused.message
            else:
                return redirect(f"{reverse('candidates:home')}?candidature=envoyee")
        status = 400 if refusal is None else 409
    elif refusal is not None and request.method == "POST":
        status = 409
    return render(
        request,
        "candidates/apply.html",
        {
            "form": form,
            "offer": offer,
            "offer_url": offer.get_absolute_url(),
            "refusal": refusal,
            "already_applied": refusal == applications.ALREADY,
            "breadcrumb_data": breadcrumb("Postuler"),
        },
        status=status,
    )


@private_page
@candidate_required
def download_cv(request, application_id):
    application = get_object_or_404(Application, pk=application_id, candidate=request.candidate)
    try:
        cv = application.cv.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return attachment(FileResponse(cv, content_type="application/pdf"), application.cv_name)


def attachment(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@private_page
@candidate_required
def my_data(request):
    return render(request, "candidates/my_data.html", {"breadcrumb_data": breadcrumb("Mes données")})


@private_page
@candidate_required
def export_data(request):
    archive = personal_data.export(request.candidate)
    return attachment(HttpResponse(archive, content_type="application/zip"), "mes-donnees-metiers-du-numerique.zip")


@private_page
@require_http_methods(["GET", "POST"])
@candidate_required
def delete_account(request):
    if request.method == "POST":
        personal_data.delete_everything(request.candidate)
        sign_in.sign_out(request)
        return redirect("candidates:deleted")
    return render(
        request,
        "candidates/delete.html",
        {
            "application_count": request.candidate.applications.count(),
            "breadcrumb_data": breadcrumb("Supprimer mon espace"),
        },
    )


@private_page
def deleted(request):
    return render(request, "candidates/deleted.html", {"breadcrumb_data": breadcrumb("Espace supprimé", space=False)})
