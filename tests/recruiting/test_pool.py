"""The talent pool: the search filters, hidden institutions everywhere, and « Contacter » through MetNum."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from jobs.models import ContractType, Profession
from recruiting.models import PoolContact
from recruiting.views import CONTACTS_PER_DAY
from tests.jobs.permission_world import logged_in, user_in

from .world import build, candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build()
    data, design = Profession.objects.get(slug="donnees"), Profession.objects.get(slug="design")
    freelance, stage = ContractType.objects.get(code="freelance"), ContractType.objects.get(code="stage")
    world.chloe = candidate(
        "chloe@example.org",
        "Chloé",
        "Chevalier",
        region="11",
        years_of_experience=8,
        in_talent_pool=True,
        current_job="Data engineer",
        phone="0601020304",
    )
    world.chloe.domains.add(data)
    world.chloe.contract_types.add(freelance)
    world.denis = candidate(
        "denis@example.org", "Denis", "Durand", region="84", years_of_experience=2, in_talent_pool=True
    )
    world.denis.domains.add(design)
    world.denis.contract_types.add(stage)
    world.hidden = candidate(
        "hector@example.org", "Hector", "Hidalgo", region="11", years_of_experience=10, in_talent_pool=True
    )
    world.hidden.domains.add(data)
    world.hidden.hidden_institutions.add(world.own)
    world.out = candidate("olga@example.org", "Olga", "Ours", region="11", years_of_experience=9)
    world.data, world.freelance = data, freelance
    return world


def search(user, **query):
    response = logged_in(user).get(reverse("recruiting_pool"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_pool_lists_opted_in_candidates_without_email_or_phone(world):
    html = search(world.own_recruiter)
    assert "Chloé Chevalier" in html and "Denis Durand" in html
    assert "Olga" not in html  # not in the pool
    assert "chloe@example.org" not in html and "0601020304" not in html


def test_the_pool_filters_by_domain_region_contract_and_experience(world):
    assert "Denis" not in search(world.own_recruiter, domain=world.data.pk)
    html = search(world.own_recruiter, region="84")
    assert "Denis" in html and "Chloé" not in html
    html = search(world.own_recruiter, contract_type=world.freelance.pk)
    assert "Chloé" in html and "Denis" not in html
    html = search(world.own_recruiter, min_experience=5)
    assert "Chloé" in html and "Denis" not in html
    assert "Personne ne correspond" in search(world.own_recruiter, min_experience=50)


def test_bad_search_values_get_a_message_not_an_error(world):
    html = search(world.own_recruiter, min_experience="beaucoup", region="zz")
    assert "Saisissez un nombre entier" in html or "nombre entier" in html
    assert "Chloé" not in html


def test_a_candidate_hiding_from_an_institution_never_appears_to_it(world):
    own = search(world.own_recruiter, domain=world.data.pk)
    assert "Hector" not in own and "1 personne pour" in own  # the count leaves them out too
    other = search(world.other_recruiter, domain=world.data.pk)
    assert "Hector Hidalgo" in other and "2 personnes pour" in other
    url = reverse("recruiting_pool_candidate", args=[world.hidden.pk])
    assert logged_in(world.own_recruiter).get(url).status_code == 404
    assert logged_in(world.other_recruiter).get(url).status_code == 200


def test_a_recruiter_of_two_institutions_acts_for_one_at_a_time_and_only_theirs(world):
    both = user_in("recrutement-double", *world.own_recruiter.groups.all(), world.other.editor_groups.first())
    assert "Hector" not in search(both, institution=world.own.pk)
    assert "Hector" in search(both, institution=world.other.pk)
    assert "Hector" not in search(world.own_recruiter, institution=world.other.pk)  # not theirs: refused
    url = reverse("recruiting_pool_candidate", args=[world.hidden.pk])
    assert logged_in(world.own_recruiter).get(url, {"institution": world.other.pk}).status_code == 404
    # Seen as the Contrôles, but the message may not go out in the name of the Essais it hides from.
    response = logged_in(both).post(
        url + f"?institution={world.other.pk}", {"institution": world.own.pk, "message": "Hi"}
    )
    assert response.status_code == 404 and not PoolContact.objects.exists() and not mail.outbox


def contact(user, person, django_capture_on_commit_callbacks, message="Bonjour, notre équipe data recrute."):
    url = reverse("recruiting_pool_candidate", args=[person.pk])
    with django_capture_on_commit_callbacks(execute=True):
        return logged_in(user).post(url, {"institution": person_institution(user), "message": message})


def person_institution(user):
    return user.groups.filter(institutions__isnull=False).values_list("institutions", flat=True).first()


def test_contacting_sends_the_message_through_metnum_without_revealing_the_address(
    world, django_capture_on_commit_callbacks
):
    page = logged_in(world.own_recruiter).get(reverse("recruiting_pool_candidate", args=[world.chloe.pk]))
    assert page.status_code == 200 and "chloe@example.org" not in page.content.decode()
    response = contact(world.own_recruiter, world.chloe, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert "chloe@example.org" not in logged_in(world.own_recruiter).get(response["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.to == ["chloe@example.org"] and message.reply_to == ["rh@essais.gouv.fr"]
    assert "Ministère des Essais" in message.subject
    for part in (message.body, message.alternatives[0][0]):
        assert "notre équipe data recrute" in part and "Rose Hémery" in part and "répondez simplement" in part
    saved = PoolContact.objects.get()
    assert (saved.candidate, saved.institution, saved.sender) == (world.chloe, world.own, world.own_recruiter)


def test_a_message_is_escaped_in_the_html_email(world, django_capture_on_commit_callbacks):
    contact(
        world.own_recruiter, world.chloe, django_capture_on_commit_callbacks, message="<img src=x onerror=alert(1)>"
    )
    html = mail.outbox[0].alternatives[0][0]
    assert "<img" not in html and "&lt;img" in html


def test_contacts_are_rate_limited_per_recruiter(world, django_capture_on_commit_callbacks):
    for _ in range(CONTACTS_PER_DAY):
        assert contact(world.own_recruiter, world.chloe, django_capture_on_commit_callbacks).status_code == 302
    response = contact(world.own_recruiter, world.chloe, django_capture_on_commit_callbacks)
    assert response.status_code == 400 and "réessayez demain" in response.content.decode()
    assert PoolContact.objects.count() == CONTACTS_PER_DAY


def test_an_empty_message_is_refused_with_a_message(world, django_capture_on_commit_callbacks):
    response = contact(world.own_recruiter, world.chloe, django_capture_on_commit_callbacks, message="")
    assert response.status_code == 400 and "Champ requis" in response.content.decode()
    assert not PoolContact.objects.exists() and not mail.outbox


def test_no_personal_data_in_the_logs(world, django_capture_on_commit_callbacks, caplog):
    caplog.set_level(logging.DEBUG)
    contact(world.own_recruiter, world.chloe, django_capture_on_commit_callbacks)
    url = reverse("recruiting_application", args=[world.own_application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(world.own_recruiter).post(url, {"status": "retenue"})
    assert len(mail.outbox) == 2 and caplog.records
    for word in ("chloe", "Chloé", "Chevalier", "alice", "Alice", "Aubert", "rh@essais"):
        assert word not in caplog.text


def test_the_export_has_the_searchs_people_and_no_address_phone_or_hidden_person(world):
    world.chloe.current_job = '=HYPERLINK("http://example.org")'
    world.chloe.save()
    response = logged_in(world.own_recruiter).get(
        reverse("recruiting_pool"), {"export": "csv", "domain": world.data.pk}
    )
    assert response["Content-Disposition"].startswith("attachment;") and "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Prénom,Nom,Poste actuel")
    assert "Chloé,Chevalier,\"'=HYPERLINK" in text  # a spreadsheet reads it as text, not as a formula
    assert "Hector" not in text and "Denis" not in text and "chloe@example.org" not in text and "0601" not in text
    other = logged_in(world.other_recruiter).get(reverse("recruiting_pool"), {"export": "csv", "domain": world.data.pk})
    assert "Hector,Hidalgo" in other.content.decode("utf-8-sig")
