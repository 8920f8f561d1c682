"""Whatever an editor or an administrator types or tampers with in the admin, the answer is never a
server error. Hypothesis draws an admin URL from the URLconf (stock Wagtail views included, filled
with the editor's own ids), then either a query string (the listing's own filter, search and export
fields, plus names that views read without a form) or a form POST (the page's own fields), with
hostile values: overflowing numbers, control characters, markup, very long text, repeated fields."""

import os
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.jobs.permission_world import logged_in

from .admin_urls import admin_patterns
from .test_admin_isolation import DELIBERATE_ERRORS, bases, world  # noqa: F401 (world is a fixture)

pytestmark = pytest.mark.django_db
# CI explores the same 40 cases each run; FUZZ_EXAMPLES=500 explores afresh, for a longer hunt.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 40))
DERANDOMIZE = "FUZZ_EXAMPLES" not in os.environ

# Names read from request.GET by views without a form field for them.
LOOSE_NAMES = ["q", "p", "page", "ordering", "sort", "export", "id", "childOf", "child_of", "collection_id",
               "locale", "next", "tag", "per_page", "action", "format", "fields", "type", "search"]  # fmt: skip
HOSTILE = st.one_of(
    st.sampled_from(
        ["", "0", "-1", "9" * 20, "-" + "9" * 20, "1e309", "NaN", "2026-02-30", "\x00", "\x0b", "<b>x</b>", "%"]
    ),
    st.sampled_from(["' OR 1=1 --", "é" * 300, "/admin/", "//ailleurs.example", "0", "home", "javascript:alert(1)"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
)
NAME = re.compile(r"^[\w\-\[\]]+$")
LISTING = re.compile(r"(index|list|listing|history|pages|usage|use|search|searches|explore|choose|chooser)(_results)?$")


@cache
def admin_addresses():
    """(pattern name, URL) of every admin pattern, filled with the Essais editor's ids."""
    return tuple(
        (pattern.name, url)
        for pattern in admin_patterns()
        if pattern.name not in DELIBERATE_ERRORS
        for url, _ in bases(pattern, WORLD.own)
    )


WORLD = None  # set by the fixture: admin_addresses() needs the ids, Hypothesis needs them at draw time


@pytest.fixture
def fuzz_world(world, db):  # noqa: F811
    global WORLD
    WORLD = world
    admin_addresses.cache_clear()
    field_names.cache_clear()
    yield world
    WORLD = None


def listing_addresses():
    return tuple((name, url) for name, url in admin_addresses() if name and LISTING.search(name))


@cache
def field_names(client_key, url, method):
    """The names of the fields of the page's forms sent with `method` ("get" or "post"); empty when
    the page is not HTML."""
    response = CLIENTS[client_key].get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return ()
    page = BeautifulSoup(response.content, "html.parser")
    forms = [form for form in page.select("form") if form.get("method", "get").lower() == method]
    names = {field.get("name", "") for form in forms for field in form.select("input, select, textarea")}
    return tuple(sorted(name for name in names if NAME.match(name) and name != "csrfmiddlewaretoken"))


CLIENTS = {}


def client_as(key, user):
    client = logged_in(user)
    client.raise_request_exception = False
    CLIENTS[key] = client
    return client


@pytest.fixture(params=["superuser", "editor"])
def role(request, fuzz_world, django_user_model):
    if request.param == "superuser":
        user = django_user_model.objects.create_superuser("admin-fuzz", "fuzz@example.org", "x" * 16)
    else:
        user = fuzz_world.own_editor
    client_as(request.param, user)
    return request.param


def drawn_data(data, names):
    chosen = data.draw(st.lists(st.sampled_from(names), max_size=6)) if names else []
    pairs = [(name, data.draw(HOSTILE)) for name in chosen]
    return {name: [value for key, value in pairs if key == name] for name, _ in pairs}


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_admin_get_with_any_query_is_never_a_server_error(role, data):
    name, url = data.draw(st.one_of(st.sampled_from(listing_addresses()), st.sampled_from(admin_addresses())))
    names = (*field_names(role, url, "get"), *LOOSE_NAMES)
    response = CLIENTS[role].get(url, drawn_data(data, names))

    assert response.status_code < 500, (name, url, response.status_code)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_admin_post_of_any_form_is_never_a_server_error(role, data):
    name, url = data.draw(st.sampled_from(admin_addresses()))
    names = field_names(role, url, "post") or LOOSE_NAMES
    with transaction.atomic():
        response = CLIENTS[role].post(url, drawn_data(data, names))
        transaction.set_rollback(True)

    assert response.status_code < 500, (name, url, response.status_code)


# What the fuzzing found, kept as plain examples ----------------------------------------------------


@pytest.mark.parametrize("name", ["contract_types", "profession"])
def test_an_overflowing_id_in_the_offer_filters_is_refused_like_an_unknown_one(fuzz_world, name):
    client = client_as("editor", fuzz_world.own_editor)

    for value in ("9" * 20, "-" + "9" * 20):
        response = client.get("/admin/snippets/jobs/joboffer/", {name: value})

        assert response.status_code == 200
        assert "n’est pas une valeur correcte" in response.content.decode()


def test_a_form_posted_without_a_field_the_stock_view_reads_gets_a_clear_page(fuzz_world):
    client = client_as("editor", fuzz_world.own_editor)

    response = client.post(f"/admin/pages/{fuzz_world.own.page}/copy/", {})

    assert response.status_code == 400
    assert "Adresse incorrecte" in response.content.decode()


@pytest.mark.parametrize("next_value", ["0", "home", "//ailleurs.example/", "https://ailleurs.example/"])
def test_a_next_address_outside_the_site_is_ignored(fuzz_world, next_value):
    client = client_as("editor", fuzz_world.own_editor)
    delete_url = f"/admin/pages/{fuzz_world.own.page}/delete/"

    with transaction.atomic():
        response = client.post(delete_url, {"next": next_value})
        transaction.set_rollback(True)

    assert response.status_code == 302
    assert "ailleurs" not in response["Location"] and response["Location"].startswith("/admin/")


@pytest.mark.parametrize("value", ["", "x", "{}", "null"])
def test_rich_text_that_is_not_the_editors_json_reads_as_empty(fuzz_world, value):
    client = client_as("editor", fuzz_world.own_editor)

    with transaction.atomic():
        response = client.post("/admin/snippets/jobs/joboffer/add/", {"missions": value, "title": "Offre"})
        transaction.set_rollback(True)

    assert response.status_code == 200  # the form again, with its errors
    assert "Champ requis" in response.content.decode()


def test_a_stream_field_posted_without_its_count_gets_a_clear_page(fuzz_world):
    client = client_as("editor", fuzz_world.own_editor)

    response = client.post(f"/admin/pages/{fuzz_world.own.page}/edit/", {"body-count": "beaucoup"})

    assert response.status_code == 400
    assert "Adresse incorrecte" in response.content.decode()


def test_a_redirect_import_confirmed_without_its_file_gets_a_clear_page(fuzz_world, django_user_model):
    """Wagtail's form reads the signed file name its own fields failed to validate (a KeyError)."""
    superuser = django_user_model.objects.create_superuser("admin-import", "import@example.org", "x" * 16)
    client = client_as("superuser", superuser)

    response = client.post("/admin/redirects/import/process/", {"from_index": "0", "to_index": "1"})

    assert response.status_code == 400
    assert "Adresse incorrecte" in response.content.decode()
