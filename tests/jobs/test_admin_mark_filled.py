""" "Marquer comme pourvue": one POST action, from the edit view or a listing row."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from jobs.choices import OfferStatus
from jobs.models import JobOffer
from tests.factories import JobOfferFactory

from .admin_helpers import form_data, listing_rows, offer_in_status, offer_url, page_text, soup

pytestmark = pytest.mark.django_db


def mark_filled(client, offer, **data):
    return client.post(offer_url("mark_filled", offer.pk), data, follow=True)


def editor(*codenames):
    """A client logged in as a non-superuser admin user with the given JobOffer permissions, on the
    offers of every institution (as the editorial team)."""
    group = Group.objects.create(name="Éditeurs " + "-".join(codenames))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="jobs", codename__in=[*codenames, "manage_all_offers"]),
    )
    user = get_user_model().objects.create_user(username="-".join(codenames), password="x" * 12)
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_a_live_offer_is_republished_as_filled_with_a_log_entry(admin_client):
    offer = JobOfferFactory(title="Développeuse Go", published=True)
    revisions_before = offer.revisions.count()

    response = mark_filled(admin_client, offer)

    assert response.redirect_chain == [(offer_url("edit", offer.pk), 302)]
    assert "Offre « Développeuse Go » marquée comme pourvue et republiée" in page_text(response)
    offer = JobOffer.objects.with_status().get(pk=offer.pk)
    assert offer.filled_at == timezone.localdate()
    assert offer.live and not offer.has_unpublished_changes
    assert offer.status == OfferStatus.FILLED
    assert not JobOffer.objects.open().filter(pk=offer.pk).exists()
    assert offer.revisions.count() == revisions_before + 1
    assert offer.live_revision.as_object().filled_at == timezone.localdate()
    entry = ModelLogEntry.objects.filter(object_id=str(offer.pk), action="jobs.mark_filled").get()
    assert entry.user.is_superuser
    assert entry.revision == offer.live_revision


def test_the_history_shows_the_action_in_french(admin_client):
    offer = JobOfferFactory(published=True)
    mark_filled(admin_client, offer)

    assert "Marquée comme pourvue" in page_text(admin_client.get(offer_url("history", offer.pk)))


def test_a_draft_in_progress_is_kept_on_top_and_not_published(admin_client):
    offer = JobOfferFactory(title="Intitulé en ligne", published=True)
    draft = JobOffer.objects.get(pk=offer.pk)
    draft.title = "Intitulé en préparation"
    draft.save_revision()

    mark_filled(admin_client, offer)

    offer.refresh_from_db()
    assert offer.title == "Intitulé en ligne"  # the draft was not published
    assert offer.filled_at == timezone.localdate()
    assert offer.has_unpublished_changes
    latest = offer.get_latest_revision_as_object()
    assert (latest.title, latest.filled_at) == ("Intitulé en préparation", timezone.localdate())


def test_a_draft_offer_is_marked_on_its_row_and_in_a_revision(admin_client):
    offer = JobOfferFactory(title="Brouillon")

    response = mark_filled(admin_client, offer)

    assert "Offre « Brouillon » marquée comme pourvue." in page_text(response)
    offer = JobOffer.objects.with_status().get(pk=offer.pk)
    assert (offer.live, offer.filled_at, offer.status) == (False, timezone.localdate(), OfferStatus.FILLED)
    assert offer.get_latest_revision_as_object().filled_at == timezone.localdate()


def test_get_is_refused_and_changes_nothing(admin_client):
    offer = JobOfferFactory(published=True)

    response = admin_client.get(offer_url("mark_filled", offer.pk))

    assert response.status_code == 405
    offer.refresh_from_db()
    assert offer.filled_at is None


def test_an_already_filled_offer_is_refused_with_a_message(admin_client):
    filled_on = timezone.localdate() - datetime.timedelta(days=5)
    offer = JobOfferFactory(title="Déjà pourvue", filled_at=filled_on, published=True)
    revisions_before = offer.revisions.count()

    response = mark_filled(admin_client, offer)

    assert f"L'offre « Déjà pourvue » est déjà marquée comme pourvue (depuis le {filled_on:%d/%m/%Y})." in page_text(
        response
    )
    offer.refresh_from_db()
    assert (offer.filled_at, offer.revisions.count()) == (filled_on, revisions_before)


def test_a_scheduled_offer_is_refused_with_a_message(admin_client):
    offer = offer_in_status(OfferStatus.SCHEDULED, title="Programmée")

    response = mark_filled(admin_client, offer)

    assert "a une publication programmée : annulez la programmation" in page_text(response)
    assert JobOffer.objects.get(pk=offer.pk).filled_at is None


def test_an_offer_locked_by_someone_else_is_refused(admin_client, django_user_model):
    other = django_user_model.objects.create_user(username="autre", password="x" * 12)
    offer = JobOfferFactory(title="Verrouillée", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(locked=True, locked_by=other, locked_at=timezone.now())

    response = mark_filled(admin_client, offer)

    assert "est verrouillée : déverrouillez-la" in page_text(response)
    assert JobOffer.objects.get(pk=offer.pk).filled_at is None


def test_the_next_parameter_brings_the_editor_back_to_the_listing(admin_client):
    offer = JobOfferFactory(published=True)
    listing = offer_url("list") + "?status=en_ligne"

    response = admin_client.post(offer_url("mark_filled", offer.pk), {"next": listing})

    assert response.status_code == 302
    assert response["Location"] == listing


def test_csrf_is_required():
    offer = JobOfferFactory(published=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("chef", password="x" * 12))

    assert client.post(offer_url("mark_filled", offer.pk)).status_code == 403
    assert JobOffer.objects.get(pk=offer.pk).filled_at is None


def refused(response):
    """Wagtail turns a permission refusal into a redirect to the dashboard with a message."""
    return response.redirect_chain == [(reverse("wagtailadmin_home"), 302)] and "pas les autorisations" in page_text(
        response
    )


def test_publishing_rights_are_needed_for_a_live_offer_editing_rights_for_a_draft():
    live = JobOfferFactory(published=True)
    draft = JobOfferFactory()
    can_edit = editor("change_joboffer")
    can_publish = editor("change_joboffer", "publish_joboffer")
    can_only_view = editor("view_joboffer")

    assert refused(mark_filled(can_only_view, draft))
    assert refused(mark_filled(can_edit, live))
    assert JobOffer.objects.get(pk=live.pk).filled_at is None
    assert not refused(mark_filled(can_edit, draft))
    assert JobOffer.objects.get(pk=draft.pk).filled_at == timezone.localdate()
    assert not refused(mark_filled(can_publish, live))
    assert JobOffer.objects.get(pk=live.pk).filled_at == timezone.localdate()


def test_an_unknown_offer_is_a_404(admin_client):
    assert admin_client.post(offer_url("mark_filled", 999999)).status_code == 404


def test_each_open_row_of_the_listing_has_the_action_in_its_more_menu(admin_client):
    open_offer = JobOfferFactory(title="Ouverte", published=True)
    JobOfferFactory(title="Pourvue", filled_at=timezone.localdate(), published=True)

    page = soup(admin_client.get(offer_url("list")))

    forms = page.select(f'form[action="{offer_url("mark_filled", open_offer.pk)}"]')
    assert len(forms) == 1
    form = forms[0]
    assert form["method"] == "post"
    assert form.select_one('input[name="csrfmiddlewaretoken"]')["value"]
    assert form.select_one('input[name="next"]')["value"] == offer_url("list")
    assert "Marquer comme pourvue" in form.get_text()
    assert form.find_parent(class_="w-dropdown__content")  # inside the row's "More" menu
    assert len(page.select('form[action*="/mark-filled/"]')) == 1  # not on the filled offer
    assert [row["Intitulé"] for row in listing_rows(admin_client.get(offer_url("list")))] == ["Pourvue", "Ouverte"]


def test_not_shown_to_an_editor_without_the_permission():
    JobOfferFactory(title="En ligne", published=True)
    can_edit = editor("change_joboffer")

    assert not soup(can_edit.get(offer_url("list"))).select('form[action*="/mark-filled/"]')


def test_the_edit_view_action_menu_posts_its_form_to_the_action():
    offer = JobOfferFactory(title="Depuis l'édition", published=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("chef", password="x" * 12))
    edit_page = client.get(offer_url("edit", offer.pk))
    button = soup(edit_page).select_one("form#w-editor-form button[formaction]")
    assert button["formaction"] == offer_url("mark_filled", offer.pk)
    assert "Marquer comme pourvue" in button.get_text()

    # The browser submits the edit form, CSRF token included, to the button's formaction.
    response = client.post(button["formaction"], form_data(edit_page, with_csrf=True), follow=True)

    assert response.redirect_chain[-1][0] == offer_url("edit", offer.pk)
    assert JobOffer.objects.get(pk=offer.pk).filled_at == timezone.localdate()
    # Once filled, the action is no longer offered.
    assert not soup(response).select('button[formaction*="/mark-filled/"]')
