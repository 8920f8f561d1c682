"""Shared helpers of the candidates' tests: a candidate signed in as a person would (through the
emailed link), an offer that receives applications here, a valid CV."""

import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from candidates.models import Candidate
from demo.cv_files import cv_pdf
from tests.factories import InstitutionFactory, JobOfferFactory

LINK = re.compile(r"http://testserver(/espace-candidat/connexion/lien/[^/\s\"<]+/)")


def sign_in_links(email):
    return [link for message in mail.outbox if message.to == [email] for link in LINK.findall(message.body)]


def request_link(client, email, next_url=""):
    data = {"email": email, **({"suivant": next_url} if next_url else {})}
    return client.post("/espace-candidat/connexion/", data)


def signed_in_client(client, email="camille@example.fr", first_name="Camille", last_name="Martin"):
    """`client`, signed in as the candidate of `email` (created on the way, with a name)."""
    request_link(client, email)
    client.post(sign_in_links(email)[-1])
    Candidate.objects.filter(email=email).update(first_name=first_name, last_name=last_name)
    return client


def receiving_offer(**fields):
    institution = fields.pop("institution", None) or InstitutionFactory(receives_applications_on_metnum=True)
    return JobOfferFactory(published=True, institution=institution, **fields)


def cv_file(content=None, name="mon-cv.pdf", content_type="application/pdf"):
    content = cv_pdf(["Camille Martin", "Développeuse"]) if content is None else content
    return SimpleUploadedFile(name, content, content_type)


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")
