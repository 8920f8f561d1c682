"""/.well-known/security.txt (RFC 9116) and the deploy check that keeps it filled in."""

import datetime

import pytest
from django.core.checks import run_checks
from django.utils import timezone

pytestmark = pytest.mark.django_db


def fields(response):
    lines = response.content.decode().splitlines()
    return {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in lines if line and not line.startswith("#")}


def test_security_txt_says_where_to_report_and_until_when(client, settings):
    settings.SECURITY_CONTACT = "mailto:securite@numerique.gouv.fr"
    settings.SECURITY_POLICY_URL = "https://metiers.numerique.gouv.fr/securite/"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    values = fields(response)
    assert values["Contact"] == "mailto:securite@numerique.gouv.fr"
    assert values["Preferred-Languages"] == "fr, en"
    assert values["Canonical"] == "http://testserver/.well-known/security.txt"
    assert values["Policy"] == "https://metiers.numerique.gouv.fr/securite/"
    expires = datetime.datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert timezone.now() + datetime.timedelta(days=80) < expires < timezone.now() + datetime.timedelta(days=366)
    text = response.content.decode()
    assert "Signaler une vulnérabilité" in text and "To report a vulnerability" in text


def test_without_a_contact_there_is_no_file_and_the_deploy_check_warns(client, settings):
    settings.SECURITY_CONTACT = ""

    assert client.get("/.well-known/security.txt").status_code == 404
    assert "metnum.W001" in {message.id for message in run_checks(include_deployment_checks=True)}


def test_a_contact_that_is_not_an_address_is_reported(settings):
    settings.SECURITY_CONTACT = "securite@numerique.gouv.fr"
    assert "metnum.W002" in {message.id for message in run_checks(include_deployment_checks=True)}
