"""Every admin URL of an offer × {own offer, another institution's offer} × {ministry editor, editorial
team member, anonymous}. The URL names come from the registered viewset, its chooser and the bulk
actions: a URL added later fails `test_every_offer_url_is_classified` until it is given a row here."""

from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask
from wagtail.permissions import policy_registry

from editorial.spaces import EDITORIAL_TEAM
from jobs.models import JobOffer
from jobs.permissions import job_offer_permission_policy

from .permission_world import denied, logged_in, module_world, offer_with_history

VIEWSET = JobOffer.snippet_viewset
CHOOSER = VIEWSET.chooser_viewset
LOGIN = reverse("wagtailadmin_login")

# URL name → (HTTP method, URL kwargs from (offer, ids)). The ids are those of the offer's revisions
# and workflow. POST-only views are requested with POST (their effect is rolled back).
OBJECT_URLS = {
    "edit": ("get", lambda o, ids: {"pk": o.pk}),
    "delete": ("get", lambda o, ids: {"pk": o.pk}),
    "usage": ("get", lambda o, ids: {"pk": o.pk}),
    "history": ("get", lambda o, ids: {"pk": o.pk}),
    "history_results": ("get", lambda o, ids: {"pk": o.pk}),
    "copy": ("get", lambda o, ids: {"pk": o.pk}),
    "preview_on_edit": ("get", lambda o, ids: {"pk": o.pk}),
    "revisions_view": ("get", lambda o, ids: {"pk": o.pk, "revision_id": ids.first_revision}),
    "revisions_revert": ("get", lambda o, ids: {"pk": o.pk, "revision_id": ids.first_revision}),
    "revisions_compare": (
        "get",
        lambda o, ids: {"pk": o.pk, "revision_id_a": ids.first_revision, "revision_id_b": ids.latest_revision},
    ),
    "revisions_unschedule": ("get", lambda o, ids: {"pk": o.pk, "revision_id": ids.latest_revision}),
    "unpublish": ("get", lambda o, ids: {"pk": o.pk}),
    "lock": ("post", lambda o, ids: {"pk": o.pk}),
    "unlock": ("post", lambda o, ids: {"pk": o.pk}),
    "mark_filled": ("post", lambda o, ids: {"pk": o.pk}),
    "quality": ("post", lambda o, ids: {"pk": o.pk}),
    "workflow_action": (
        "get",
        lambda o, ids: {"pk": o.pk, "action_name": "approve", "task_state_id": ids.task_state},
    ),
    "collect_workflow_action_data": (
        "post",
        lambda o, ids: {"pk": o.pk, "action_name": "approve", "task_state_id": ids.task_state},
    ),
    "confirm_workflow_cancellation": ("get", lambda o, ids: {"pk": o.pk}),
    "workflow_history": ("get", lambda o, ids: {"pk": o.pk}),
    "workflow_history_detail": ("get", lambda o, ids: {"pk": o.pk, "workflow_state_id": ids.workflow_state}),
    "workflow_preview": ("get", lambda o, ids: {"pk": o.pk, "task_id": ids.task}),
}
# URLs about no offer in particular: open to both editors (what they list is tested elsewhere).
LISTING_URLS = {"list", "list_results", "add", "preview_on_add"}
# The same, answering POST only (the quality checks of a new offer's form).
LISTING_POST_URLS = {"quality_new"}
CHOOSER_OBJECT_URLS = {"chosen": lambda o: {"pk": o.pk}}
CHOOSER_LISTING_URLS = {"choose", "choose_results", "chosen_multiple", "create"}
BULK_ACTIONS = {"delete"}
# Wagtail refuses these to the ministry editor even on its own offer: only the editorial team
# approves in the offers' workflow (a refusal by Wagtail, not by our per-institution rule).
APPROVER_ONLY = {"workflow_action", "collect_workflow_action_data", "workflow_preview"}
# Requested on offers in the middle of the offers' workflow (the other offers are in none: an offer
# in moderation is locked for its own editors).
WORKFLOW_URLS = {name for name in OBJECT_URLS if "workflow" in name}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        workflow = Workflow.objects.create(name="Validation des offres")
        task = GroupApprovalTask.objects.create(name="Relecture des offres")
        task.groups.set(world.comms_editor.groups.filter(name=EDITORIAL_TEAM))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowContentType.objects.create(workflow=workflow, content_type=ContentType.objects.get_for_model(JobOffer))
        world.own_in_workflow = offer_with_history(world.own.institution, "Offre des Essais en relecture")
        world.other_in_workflow = offer_with_history(world.other.institution, "Offre des Contrôles en relecture")
        world.ids = {}
        for offer in (world.own, world.other, world.own_in_workflow, world.other_in_workflow):
            revisions = list(offer.revisions.order_by("pk").values_list("pk", flat=True))
            ids = SimpleNamespace(first_revision=revisions[0], latest_revision=revisions[-1], task=task.pk)
            if offer in (world.own_in_workflow, world.other_in_workflow):
                state = workflow.start(offer, world.ministry_editor)
                ids.workflow_state, ids.task_state = state.pk, state.current_task_state.pk
            world.ids[offer.pk] = ids
        yield world


def allowed(response):
    return response.status_code < 400 and not denied(response) and not sent_to_login(response)


def sent_to_login(response):
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


def offers_for(world, name):
    if name in WORKFLOW_URLS:
        return world.own_in_workflow, world.other_in_workflow
    return world.own, world.other


def prepare(name, offers, world):
    """Unlocking needs a locked offer: each request finds both offers locked by the ministry editor."""
    if name == "unlock":
        JobOffer.objects.filter(pk__in=[offer.pk for offer in offers]).update(
            locked=True, locked_by=world.ministry_editor, locked_at=timezone.now()
        )


def request(user, method, url):
    client = logged_in(user)
    return client.post(url) if method == "post" else client.get(url)


def test_the_offer_views_ask_the_per_institution_policy():
    assert VIEWSET.permission_policy is job_offer_permission_policy
    assert policy_registry.get_by_type(JobOffer) is job_offer_permission_policy


def test_every_offer_url_is_classified():
    names = {pattern.name for pattern in VIEWSET.get_urlpatterns()}
    assert names == set(OBJECT_URLS) | LISTING_URLS | LISTING_POST_URLS
    assert {pattern.name for pattern in CHOOSER.get_urlpatterns()} == set(CHOOSER_OBJECT_URLS) | CHOOSER_LISTING_URLS
    assert {action.action_type for action in bulk_action_registry.get_bulk_actions_for_model("jobs", "joboffer")} == (
        BULK_ACTIONS
    )


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_object_url(world, db, name):
    method, kwargs = OBJECT_URLS[name]

    def url(offer):
        return reverse(VIEWSET.get_url_name(name), kwargs=kwargs(offer, world.ids[offer.pk]))

    own, other = offers = offers_for(world, name)
    for offer in offers:
        assert sent_to_login(request(None, method, url(offer))), (name, offer)
        prepare(name, offers, world)
        response = request(world.comms_editor, method, url(offer))
        assert allowed(response), (name, "équipe", offer, response.status_code, response.get("Location"))

    prepare(name, offers, world)
    response = request(world.ministry_editor, method, url(other))
    assert denied(response), (name, "autre offre", response.status_code)
    prepare(name, offers, world)
    response = request(world.ministry_editor, method, url(own))
    if name in APPROVER_ONLY:
        assert denied(response), (name, "sa propre offre, hors approbateurs", response.status_code)
    else:
        assert allowed(response), (name, "sa propre offre", response.status_code, response.get("Location"))


@pytest.mark.parametrize("name", sorted(LISTING_URLS))
def test_listing_url(world, db, name):
    url = reverse(VIEWSET.get_url_name(name))
    assert sent_to_login(request(None, "get", url))
    for user in (world.ministry_editor, world.comms_editor):
        assert allowed(request(user, "get", url)), (name, user)


@pytest.mark.parametrize("name", sorted(LISTING_POST_URLS))
def test_listing_post_url(world, db, name):
    url = reverse(VIEWSET.get_url_name(name))
    assert sent_to_login(request(None, "post", url))
    for user in (world.ministry_editor, world.comms_editor):
        assert allowed(request(user, "post", url)), (name, user)


def test_chooser(world, db):
    choose_url = reverse(CHOOSER.get_url_name("choose_results"))
    chosen = reverse(CHOOSER.get_url_name("chosen"), kwargs={"pk": world.other.pk})
    multiple = reverse(CHOOSER.get_url_name("chosen_multiple")) + f"?id={world.own.pk}&id={world.other.pk}"

    assert sent_to_login(request(None, "get", choose_url))
    ministry = logged_in(world.ministry_editor)
    listed = ministry.get(choose_url).content.decode()
    assert "Offre des Essais" in listed and "Offre des Contrôles" not in listed
    assert ministry.get(chosen).status_code == 404
    assert "Offre des Contrôles" not in ministry.get(multiple).content.decode()
    assert "Offre des Essais" in ministry.get(reverse(CHOOSER.get_url_name("choose"))).content.decode()

    team = logged_in(world.comms_editor)
    assert "Offre des Contrôles" in team.get(choose_url).content.decode()
    assert team.get(chosen).status_code == 200
    for client in (ministry, team):
        assert client.post(reverse(CHOOSER.get_url_name("create")), {"title": "Créée en douce"}).status_code == 404
    assert not JobOffer.objects.filter(title="Créée en douce").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_bulk_delete(world, db, method):
    def url(*offers):
        ids = "&".join(f"id={offer.pk}" for offer in offers)
        return reverse("wagtail_bulk_action", args=["jobs", "joboffer", "delete"]) + "?" + ids

    assert sent_to_login(request(None, method, url(world.own)))
    assert denied(request(world.ministry_editor, method, url(world.other)))
    assert denied(request(world.ministry_editor, method, url(world.own, world.other)))
    assert JobOffer.objects.filter(pk__in=[world.own.pk, world.other.pk]).count() == 2
    assert allowed(request(world.ministry_editor, method, url(world.own)))
    assert allowed(request(world.comms_editor, method, url(world.other)))


def test_all_in_the_listing_means_the_editors_own_offers(world, db):
    url = reverse("wagtail_bulk_action", args=["jobs", "joboffer", "delete"]) + "?id=all"

    logged_in(world.ministry_editor).post(url)

    assert not JobOffer.objects.filter(pk=world.own.pk).exists()
    assert JobOffer.objects.filter(pk=world.other.pk).exists()


@pytest.mark.parametrize(
    "name, data",
    [
        ("delete", {}),
        ("unpublish", {}),
        ("revisions_revert", None),
        ("lock", {}),
        ("unlock", {}),
        ("mark_filled", {}),
        ("edit", None),
        ("workflow_action", {}),
        ("confirm_workflow_cancellation", {}),
        ("revisions_unschedule", {}),
    ],
)
def test_posting_to_another_institutions_offer_changes_nothing(world, db, name, data):
    """The forms the other offer's owner would post, posted by the ministry editor: refused, and the
    offer is as before (same title, revisions, live state, lock, workflow)."""
    other = offers_for(world, name)[1]

    def snapshot():
        offer = JobOffer.objects.get(pk=other.pk)
        return (
            offer.title,
            offer.live,
            offer.locked,
            offer.filled_at,
            offer.latest_revision_id,
            offer.revisions.count(),
            offer.workflow_states.filter(status="in_progress").count(),
        )

    before = snapshot()
    _, kwargs = OBJECT_URLS[name]
    url = reverse(VIEWSET.get_url_name(name), kwargs=kwargs(other, world.ids[other.pk]))
    if data is None:  # a full edit form: the team's view of the offer, with a new title
        from .admin_helpers import form_data

        data = form_data(logged_in(world.comms_editor).get(url))
        data["title"] = "Titre détourné"
        if name == "edit":
            data["action-publish"] = "1"
    response = logged_in(world.ministry_editor).post(url, data)

    assert denied(response), (name, response.status_code)
    assert snapshot() == before
