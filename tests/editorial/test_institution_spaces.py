"""Institution spaces: create_institution_space, the rights of a ministry's editors and of the
editorial team on pages, images and users, and the moderation of a ministry's page."""

import io

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import querydict_from_html

from editorial.models import InstitutionPage
from editorial.spaces import APPROVAL_TASK, EDITORIAL_TEAM, create_institution_space
from jobs.models import Institution
from tests.jobs.admin_helpers import soup
from tests.jobs.permission_world import denied, logged_in, module_world, user_in

from .pages import story_index


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        world.moderated_space = create_institution_space("Ministère Modéré", acronym="MMOD", moderation=True)
        world.moderated_editor = user_in("editeur-mmod", world.moderated_space.group)
        world.story_index = story_index()
        yield world


def counts():
    return [
        model.objects.count()
        for model in (Institution, Page, Group, Collection, GroupPagePermission, GroupCollectionPermission, Workflow)
    ]


def test_the_command_creates_a_space_once_then_has_nothing_to_do(world, db):
    first = io.StringIO()
    call_command("create_institution_space", "Agence des Tests", "--acronym", "ADT", "--moderation", stdout=first)
    after_first = counts()
    second = io.StringIO()
    call_command("create_institution_space", "Agence des Tests", "--acronym", "ADT", "--moderation", stdout=second)

    assert "groupe « ADT — éditeurs »" in first.getvalue()
    assert second.getvalue().startswith("Rien à faire")
    assert counts() == after_first
    institution = Institution.objects.get(name="Agence des Tests")
    assert institution.acronym == "ADT" and institution.slug == "adt"
    page = InstitutionPage.objects.get(institution=institution)
    assert not page.live and page.url_path.endswith("/employeurs/adt/")
    assert list(institution.editor_groups.values_list("name", flat=True)) == ["ADT — éditeurs"]


def test_a_ministry_group_has_rights_on_its_page_collection_and_offers_only(world, db):
    space = world.own_space
    page_rights = GroupPagePermission.objects.filter(group=space.group)
    collection_rights = GroupCollectionPermission.objects.filter(group=space.group)

    assert {(right.page_id, right.permission.codename) for right in page_rights} == {
        (space.page.pk, codename) for codename in ("add_page", "change_page", "publish_page")
    }
    assert {right.collection_id for right in collection_rights} == {space.collection.pk}
    assert sorted(right.permission.codename for right in collection_rights) == sorted(
        f"{action}_{model}" for action in ("add", "change", "choose") for model in ("image", "document")
    )
    assert set(space.group.permissions.values_list("content_type__app_label", flat=True)) == {"wagtailadmin", "jobs"}
    assert not space.group.permissions.filter(codename="manage_all_offers").exists()
    moderated_rights = GroupPagePermission.objects.filter(group=world.moderated_space.group)
    assert sorted(moderated_rights.values_list("permission__codename", flat=True)) == ["add_page", "change_page"]


def test_the_editorial_team_manages_all_content_but_no_user(world, db):
    team = Group.objects.get(name=EDITORIAL_TEAM)
    codenames = set(team.permissions.values_list("codename", flat=True))

    assert {"manage_all_offers", "change_institution", "change_profession", "change_skill", "change_theme"} <= codenames
    assert not team.permissions.filter(content_type__app_label="auth").exists()
    assert GroupPagePermission.objects.filter(group=team, page__depth=2, permission__codename="publish_page").exists()
    assert GroupCollectionPermission.objects.filter(group=team, collection__depth=1).count() == 8


@pytest.mark.parametrize("url_name", ["wagtailusers_users:index", "wagtailusers_groups:index"])
def test_neither_group_manages_users(world, db, url_name):
    for user in (world.ministry_editor, world.comms_editor):
        assert denied(logged_in(user).get(reverse(url_name))), (user, url_name)
    assert not Permission.objects.filter(group__in=Group.objects.all(), content_type__app_label="auth").exists()


def test_a_ministry_editor_edits_its_own_page_only(world, db):
    ministry = logged_in(world.ministry_editor)
    own = ministry.get(reverse("wagtailadmin_pages:edit", args=[world.own_space.page.pk]))

    assert own.status_code == 200
    assert soup(own).select_one('[name="institution"]') is None  # no relinking the page to another institution
    assert denied(ministry.get(reverse("wagtailadmin_pages:edit", args=[world.other_space.page.pk])))
    team_form = logged_in(world.comms_editor).get(reverse("wagtailadmin_pages:edit", args=[world.other_space.page.pk]))
    assert soup(team_form).select_one('[name="institution"]') is not None


def test_only_the_editorial_team_writes_stories(world, db):
    add_story = reverse("wagtailadmin_pages:add", args=["editorial", "storypage", world.story_index.pk])

    assert denied(logged_in(world.ministry_editor).get(add_story))
    assert logged_in(world.comms_editor).get(add_story).status_code == 200


def test_images_are_separated_by_collection(world, db):
    own_image = wagtail_factories.ImageFactory(title="Image des Essais", collection=world.own_space.collection)
    other_image = wagtail_factories.ImageFactory(title="Image des Contrôles", collection=world.other_space.collection)
    ministry = logged_in(world.ministry_editor)

    assert ministry.get(reverse("wagtailimages:edit", args=[own_image.pk])).status_code == 200
    assert denied(ministry.get(reverse("wagtailimages:edit", args=[other_image.pk])))
    listing = ministry.get(reverse("wagtailimages:index")).content.decode()
    assert "Image des Essais" in listing and "Image des Contrôles" not in listing
    assert logged_in(world.comms_editor).get(reverse("wagtailimages:edit", args=[other_image.pk])).status_code == 200


def test_a_moderated_page_is_published_through_the_editorial_teams_approval(world, db):
    page = world.moderated_space.page
    assert WorkflowPage.objects.get(page=page).workflow.name == "Publication de la page MMOD"
    editor = logged_in(world.moderated_editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(editor.get(edit_url).content.decode(), form_id="page-edit-form", exclude_csrf=True)
    data = {name: form.getlist(name) for name in form} | {"body-count": ["0"]}  # the body is empty, and JS-built

    editor.post(edit_url, {**data, "intro": ["Notre ministère recrute."], "action-publish": ["1"]})
    assert not Page.objects.get(pk=page.pk).live  # no publishing right: at most a draft

    editor.post(edit_url, {**data, "intro": ["Notre ministère recrute."], "action-submit": ["1"]})
    page = InstitutionPage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    assert state is not None and not page.live
    task_state = state.current_task_state
    assert task_state.task.name == APPROVAL_TASK

    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert denied(editor.post(approve, {"comment": ""}))
    logged_in(world.comms_editor).post(approve, {"comment": ""})
    page = InstitutionPage.objects.get(pk=page.pk)
    assert page.live and page.intro == "Notre ministère recrute."


def test_administrators_can_grant_all_offers_to_another_group(db):
    from wagtail.users.forms import GroupForm

    assert GroupForm().fields["permissions"].queryset.filter(codename="manage_all_offers").exists()
