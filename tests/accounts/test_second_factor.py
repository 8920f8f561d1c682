"""The admin's second factor: required for superusers and the named groups, on every admin URL;
set up with an authenticator app (QR code drawn on the site), confirmed at each sign-in, recovery
codes that work once; a command resets it."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "une phrase de passe assez longue"
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/jobs/joboffer/",
    "/admin/api/main/images/",
    "/admin/reports/site-history/",
]


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.TWO_FACTOR_GROUPS = ["Administration des comptes"]


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("cheffe", "cheffe@example.gouv.fr", PASSWORD)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(client):
    page = client.get("/admin/double-facteur/activer/")
    device = TOTPDevice.objects.get(user=page.wsgi_request.user, confirmed=False)
    response = client.post("/admin/double-facteur/activer/", {"code": current_code(device), "next": "/admin/"})
    return device, re.findall(r"<code>(\d{5} \d{5})</code>", response.content.decode())


@pytest.mark.parametrize("path", ADMIN_URLS)
def test_every_admin_url_asks_a_superuser_to_set_up_the_second_factor(client, superuser, path):
    client.force_login(superuser)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/double-facteur/activer/?next=")


def test_set_up_shows_a_qr_code_drawn_here_and_the_key(client, superuser):
    client.force_login(superuser)

    text = client.get("/admin/double-facteur/activer/").content.decode()

    assert "<svg" in text and 'aria-label="Code QR à scanner"' in text
    assert "Activer la double authentification" in text
    assert "http" not in text.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")
    device = TOTPDevice.objects.get(user=superuser)
    assert device.config_url.startswith("otpauth://totp/")


def test_a_wrong_code_is_refused_with_a_message(client, superuser):
    client.force_login(superuser)
    client.get("/admin/double-facteur/activer/")

    response = client.post("/admin/double-facteur/activer/", {"code": "000000"})

    assert "Ce code ne correspond pas" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_after_set_up_the_admin_opens_and_ten_recovery_codes_are_shown_once(client, superuser):
    client.force_login(superuser)
    device, codes = enrol(client)

    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


def test_each_sign_in_asks_for_a_code_and_a_recovery_code_works_once(client, superuser):
    client.force_login(superuser)
    _, codes = enrol(client)
    client.logout()

    client.post("/admin/login/", {"username": "cheffe", "password": PASSWORD})
    assert client.get("/admin/pages/")["Location"].startswith("/admin/double-facteur/?next=")
    response = client.post("/admin/double-facteur/", {"code": codes[0], "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200

    client.logout()
    client.post("/admin/login/", {"username": "cheffe", "password": PASSWORD})
    response = client.post("/admin/double-facteur/", {"code": codes[0]})
    assert "pas valable (ou a déjà servi)" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_code_of_the_app_confirms_a_sign_in(client, superuser):
    client.force_login(superuser)
    device, _ = enrol(client)
    client.logout()
    device.refresh_from_db()
    device.last_t = -1  # django-otp refuses a code twice in one time step: forget the set-up's code
    device.save()

    client.post("/admin/login/", {"username": "cheffe", "password": PASSWORD})
    response = client.post("/admin/double-facteur/", {"code": current_code(device), "next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_next_address_never_leads_off_the_site(client, superuser):
    client.force_login(superuser)
    _, codes = enrol(client)
    client.logout()
    client.post("/admin/login/", {"username": "cheffe", "password": PASSWORD})

    response = client.post("/admin/double-facteur/", {"code": codes[1], "next": "https://pirate.example/admin/"})

    assert response["Location"] == "/admin/"


def test_editors_need_it_only_in_a_named_group(client):
    editor = get_user_model().objects.create_user("redacteur", "r@example.gouv.fr", PASSWORD, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    editor.groups.add(Group.objects.create(name="Administration des comptes"))
    assert client.get("/admin/").status_code == 302


def test_the_demo_setting_turns_it_off(client, superuser, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def test_the_reset_command_removes_the_devices(client, superuser):
    client.force_login(superuser)
    enrol(client)
    out = io.StringIO()

    call_command("reinitialiser_double_facteur", "cheffe", stdout=out)

    assert "réinitialisé" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    client.logout()
    client.force_login(superuser)
    assert client.get("/admin/")["Location"].startswith("/admin/double-facteur/activer/")


def test_a_person_with_a_device_is_sent_to_confirm_with_the_whole_next_address(client, superuser):
    client.force_login(superuser)
    enrol(client)
    client.logout()
    client.force_login(superuser)

    response = client.get("/admin/double-facteur/activer/?next=/admin/pages/?q=a%26b")

    assert response["Location"] == "/admin/double-facteur/?next=%2Fadmin%2Fpages%2F%3Fq%3Da%26b"


def test_the_set_up_page_shows_no_part_of_the_username_as_markup(client):
    """The QR code (marked safe) encodes the username into its drawing, never as text."""
    user = get_user_model().objects.create_superuser('"><svg onload=alert(1)>', "x@example.gouv.fr", PASSWORD)
    client.force_login(user)

    text = client.get("/admin/double-facteur/activer/").content.decode()

    assert "<svg onload=alert(1)>" not in text
