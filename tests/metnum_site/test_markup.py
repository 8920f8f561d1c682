"""Every public page type passes the W3C Nu HTML Checker with zero errors.

The checker (npm package vnu-jar, installed by `make install`) runs on the machine's Java, once for
all the pages. Without Java or the jar the test is skipped, except where REQUIRE_HTML_CHECKER=1
(`.ci/run`), where their absence fails it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from editorial.models import GuidePage, InstitutionPage, StoryPage
from jobs.models import JobOffer

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def checker_command():
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-Xss4m", "-jar", str(VNU_JAR)]
    reason = "Nu HTML Checker absent : installez Java et lancez `make install` (npm ci)"
    if os.environ.get("REQUIRE_HTML_CHECKER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def public_pages():
    offer = JobOffer.objects.open().order_by("pk").first()
    closed = JobOffer.objects.with_public_page().exclude(pk__in=JobOffer.objects.open()).order_by("pk").first()
    pages = {
        "accueil": "/",
        "offres": "/offres/",
        "offres-filtrees": "/offres/?q=donn%C3%A9es&region=11&contrat=contractuel&tri=date&page=1",
        "offres-sans-resultat": "/offres/?q=zzzzzz",
        "offre": offer.get_absolute_url(),
        "offre-fermee": closed.get_absolute_url(),
        "employeurs": "/employeurs/",
        "employeur": InstitutionPage.objects.live().first().url,
        "temoignages": "/temoignages/",
        "temoignage": StoryPage.objects.live().first().url,
        "guides": "/guides/",
        "guide": GuidePage.objects.live().first().url,
        "recherche": "/recherche/?q=data",
        "mentions-legales": "/mentions-legales/",
        "plan-du-site": "/plan-du-site/",
        "page-introuvable": "/absente/",
    }
    return pages


def test_every_public_page_type_has_valid_markup(client, demo_site, tmp_path):
    command = checker_command()
    files = {}
    for name, path in public_pages().items():
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files[file.as_uri()] = path

    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *(str(Path(uri[7:])) for uri in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))} l.{message.get('lastLine')} : {message['message']}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert not errors, "Nu HTML Checker :\n" + "\n".join(errors)


def test_the_checker_reports_an_error(tmp_path):
    """Guards the harness: a page with a known error must fail."""
    command = checker_command()
    page = tmp_path / "fautive.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><div role="x"></div></body></html>'
    )
    result = subprocess.run([*command, "--errors-only", "--format", "json", str(page)], capture_output=True, text=True)
    assert json.loads(result.stderr)["messages"], result.stderr
