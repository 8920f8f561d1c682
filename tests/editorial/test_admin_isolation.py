"""No institution sees another's unpublished work anywhere in the admin, stock Wagtail views included.

Every URL pattern of the admin URLconf is requested by an editor of the Ministère des Essais with the
ids of the Ministère des Contrôles' objects (its draft offer, its draft employer page in moderation,
its image, its document, its collection, its uploads), with and without a search term and as CSV and
XLSX exports, then posted to. No response may contain "Ornithorynque", the word found only in the
Contrôles' titles and file names, and in what the recruiters' side holds about them: the name,
the letter, the CV and the notes of an application to their offer, and a talent pool candidate who
hides from the Essais (whose editor recruits, candidates.recruit). Positive controls: the Essais
editor finds its own "Tamanrasset" objects in the same views, and the editorial team finds both
ministries'. A pattern added later is
requested too; one whose parameters the table below cannot fill fails the test until it is given one."""

import io
import json
from types import SimpleNamespace

import openpyxl
import pytest
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site, UploadedFile

from candidates.models import Application, Candidate
from editorial.spaces import create_institution_space, ensure_editorial_team
from impact.models import OfferDailyCount
from jobs.models import JobOffer
from recruiting.groups import ensure_recruiters_group
from recruiting.models import ApplicationNote, PoolContact
from tests.editorial.pages import home_page
from tests.factories import JobOfferFactory
from tests.jobs.permission_world import logged_in, user_in

from .admin_urls import admin_patterns

OTHERS_SECRET = "ornithorynque"
OWN_SECRET = "tamanrasset"
SEARCH_TERM = "Zanzibar"  # in both ministries' titles: searching it must not bring the other's
# The API refuses unknown parameters: each variant stands alone. {id} is the object of the pattern's
# family, {page} the ministry's page (bulk actions on pages read it), {parent} the page above it.
QUERY_VARIANTS = [
    "",
    f"?q={SEARCH_TERM}",
    f"?search={SEARCH_TERM}",
    "?id={id}&childOf={page}",
    "?id=all&childOf={parent}",
    "?child_of={parent}",
    "?collection_id={collection}",
    f"?collection_id={{collection}}&q={SEARCH_TERM}",
    "?export=csv",
    "?export=xlsx",
]
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}  # /admin/failwhale/: Wagtail's own test of the 500 page

# Which object a pattern is about, from its route: the first fragment found wins.
FAMILIES = [
    ("jobs/joboffer", "offer"),
    ("jobs/institution", "institution"),
    ("jobs/profession", "profession"),
    ("^pages/", "page"),
    ("^documents/", "document"),
    ("^images/", "image"),
    ("documents/", "document"),
    ("images/", "image"),
    ("collections/", "collection"),
    ("workflows/task", "task"),
    ("workflows/", "workflow"),
    ("users/", "user"),
    ("groups/", "group"),
    ("sites/", "site"),
    ("settings/", "site"),
    ("redirects/", "redirect"),
]
BULK_FAMILIES = {
    ("wagtailcore", "page"): "page",
    ("wagtailimages", "image"): "image",
    ("wagtaildocs", "document"): "document",
    ("jobs", "joboffer"): "offer",
    ("auth", "user"): "user",
}
PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id", "object_id"}


def family_of(route):
    for fragment, family in FAMILIES:
        if fragment in route:
            return family
    return "page"


def parameter_values(pattern, objects, page=None):
    """Every parameter of `pattern` filled with the ids of `objects` (one ministry's); page parameters
    with `page` when given."""
    family = family_of(pattern.route)
    content_type = {"page": ("editorial", "institutionpage"), "site": ("home", "sitesettings")}.get(
        family, ("jobs", "skill")
    )
    values = {}
    for name in pattern.parameters:
        if name in PAGE_PARAMETERS:
            values[name] = page or objects.page
        elif name in ("pk", "image_id", "document_id", "doc_id", "collection_id", "redirect_id"):
            values[name] = getattr(
                objects,
                {
                    "image_id": "image",
                    "document_id": "document",
                    "doc_id": "document",
                    "collection_id": "collection",
                    "redirect_id": "redirect",
                }.get(name, family),
            )
        elif name in ("revision_id", "revision_id_a"):
            values[name] = objects.revisions[family][0]
        elif name == "revision_id_b":
            values[name] = objects.revisions[family][-1]
        elif name in ("workflow_pk", "task_id"):
            values[name] = getattr(objects, name.split("_")[0])
        elif name in ("workflow_state_id", "task_state_id", "session_id"):
            values[name] = getattr(objects, name)
        elif name == "uploaded_file_id":
            values[name] = objects.uploads[family]
        elif name in ("app_label", "app_name", "content_type_app_name"):
            values[name] = content_type[0]
        elif name in ("model_name", "content_type_model_name"):
            values[name] = content_type[1]
        elif name == "action_name":
            values[name] = "approve" if "workflow" in pattern.route else "copy"
        elif name == "filter_spec":
            values[name] = "original"
        elif name in ("application_id", "candidate_id"):
            values[name] = getattr(objects, name.removesuffix("_id"))
        elif name in ("uidb64", "token", "str"):
            values[name] = "x"
        else:
            raise LookupError(f"{pattern.route}: no value for the parameter {name!r}; add one to parameter_values()")
    return values


def bases(pattern, objects):
    """(URL without query, id of the object it is about) for `pattern` with one ministry's objects: one
    per bulk action for the bulk pattern; for a pattern about pages, with the ministry's page and
    with the page above it."""
    if "action" in pattern.parameters:
        found = []
        for (app_label, model_name), family in BULK_FAMILIES.items():
            for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name):
                values = {"app_label": app_label, "model_name": model_name, "action": action.action_type}
                found.append((pattern.url(values), getattr(objects, family)))
        return found
    object_id = getattr(objects, family_of(pattern.route))
    found = [(pattern.url(parameter_values(pattern, objects)), object_id)]
    if PAGE_PARAMETERS & set(pattern.parameters):
        found.append((pattern.url(parameter_values(pattern, objects, page=objects.parent)), object_id))
    return found


def addresses(pattern, objects):
    """The URLs to request for `pattern` with one ministry's objects, with each query variant."""
    for base, object_id in bases(pattern, objects):
        for query in QUERY_VARIANTS:
            yield base + query.format(
                id=object_id, page=objects.page, parent=objects.parent, collection=objects.collection
            )


def body_text(response):
    """What the response shows, whatever its format: HTML, JSON, CSV or XLSX."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in response.get("Content-Type", ""):
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        text = " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
        return text.casefold()
    text = content.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text += json.dumps(json.loads(text), ensure_ascii=False)  # the same, with \u escapes undone
    return text.casefold()


def ministry_content(space, editor, word, published=False):
    """`space`'s unpublished work, every title and file name holding `word` and SEARCH_TERM: its
    collection, its employer page's drafts (two revisions; the page itself live under a public title
    when `published`, a draft otherwise), a draft offer, an image, a document and two uploads
    awaiting their titles; logged in the site history like the admin would."""
    Collection.objects.filter(pk=space.collection.pk).update(name=f"Photothèque {word} {SEARCH_TERM}")
    page = space.page
    if published:  # live under its public title, with unpublished changes
        page.title = f"Page publique de {space.institution.acronym}"
        page.save_revision(user=editor).publish()
    page.title = f"Page {word} {SEARCH_TERM}"
    if not published:
        page.save()
    first = page.save_revision(user=editor, log_action=True)
    page.title = f"Page {word} {SEARCH_TERM} relue"
    latest = page.save_revision(user=editor, log_action=True)
    offer = JobOfferFactory(institution=space.institution, title=f"Offre {word} {SEARCH_TERM}")
    offer_first = offer.save_revision(user=editor, log_action=True)
    offer.title = f"Offre {word} {SEARCH_TERM} relue"
    offer_latest = offer.save_revision(user=editor, log_action=True)
    # Figures of the offer under its secret title: the impact reports (/admin/impact/…) must keep them
    # to its own institution.
    OfferDailyCount.objects.create(
        day=timezone.localdate(), offer=offer, institution=space.institution, views=12, apply_clicks=3
    )
    image = wagtail_factories.ImageFactory(
        title=f"Image {word} {SEARCH_TERM}", collection=space.collection, file__filename=f"{word}.png"
    )
    document = wagtail_factories.DocumentFactory(
        title=f"Document {word} {SEARCH_TERM}", collection=space.collection, file__filename=f"{word}.pdf"
    )
    for instance in (image, document):
        log(instance=instance, action="wagtail.create", user=editor)
    uploads = {
        family: UploadedFile.objects.create(
            file=ContentFile(b"fichier", name=f"{word}-televerse.{extension}"),
            for_content_type=ContentType.objects.get_for_model(model),
            uploaded_by_user=editor,
        ).pk
        for family, model, extension in (("image", get_image_model(), "png"), ("document", get_document_model(), "pdf"))
    }
    session = EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(page),
        object_id=str(page.pk),
        last_seen_at=timezone.now(),
    )
    objects = SimpleNamespace(
        page=page.pk,
        parent=page.get_parent().pk,
        offer=offer.pk,
        image=image.pk,
        document=document.pk,
        collection=space.collection.pk,
        institution=space.institution.pk,
        profession=offer.profession_id,
        group=space.group.pk,
        user=editor.pk,
        site=Site.objects.get(is_default_site=True).pk,
        redirect=0,
        revisions={"page": [first.pk, latest.pk], "offer": [offer_first.pk, offer_latest.pk]},
        uploads=uploads,
        session_id=session.pk,
        workflow=space.workflow.pk if space.workflow else 0,
        task=0,
        workflow_state_id=0,
        task_state_id=0,
    )
    if space.workflow:
        state = space.workflow.start(page, editor)
        objects.task = state.current_task_state.task_id
        objects.workflow_state_id = state.pk
        objects.task_state_id = state.current_task_state.pk
    # Locked by its editor: the locked pages report lists locked pages.
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=editor, locked_at=timezone.now())
    JobOffer.objects.filter(pk=offer.pk).update(locked=True, locked_by=editor, locked_at=timezone.now())
    return objects


def recruiting_content(objects, space, editor, word, hidden_from=None):
    """What the recruiters of `space` hold (`word` in each): an application to its offer with its letter,
    its CV and a note, by a person outside the pool, and a pool candidate, hiding from `hidden_from`."""
    applicant = Candidate.objects.create(email=f"{word.lower()}@example.org", first_name=word, last_name=word)
    objects.application = Application.objects.create(
        candidate=applicant,
        offer_id=objects.offer,
        cover_letter=f"Lettre {word}",
        cv=ContentFile(f"%PDF-1.4 {word}".encode(), name="cv.pdf"),
        cv_name=f"{word}.pdf",
    ).pk
    ApplicationNote.objects.create(application_id=objects.application, author=editor, text=f"Note {word}")
    member = Candidate.objects.create(
        email=f"vivier-{word.lower()}@example.org",
        first_name=f"Vivier {word}",
        last_name=word,
        current_job=f"Poste {word}",
        in_talent_pool=True,
    )
    if hidden_from is not None:
        member.hidden_institutions.add(hidden_from)
    objects.candidate = member.pk
    return objects


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, module_private_media_root):
    with django_db_blocker.unblock(), transaction.atomic():
        home_page()
        team, _ = ensure_editorial_team()
        own_space = create_institution_space("Ministère des Essais", acronym="MESS")
        other_space = create_institution_space("Ministère des Contrôles", acronym="MCTL", moderation=True)
        recruiters = ensure_recruiters_group()
        own_editor = user_in("editeur-mess", own_space.group, recruiters)
        other_editor = user_in("editeur-mctl", other_space.group, recruiters)
        own = ministry_content(own_space, own_editor, OWN_SECRET.capitalize())
        other = ministry_content(other_space, other_editor, OTHERS_SECRET.capitalize(), published=True)
        yield SimpleNamespace(
            own_editor=own_editor,
            own_editor_without_recruit=user_in("redaction-mess", own_space.group),
            comms_editor=user_in("equipe", team),
            own=recruiting_content(own, own_space, own_editor, OWN_SECRET.capitalize()),
            other=recruiting_content(
                other, other_space, other_editor, OTHERS_SECRET.capitalize(), hidden_from=own_space.institution
            ),
        )
        transaction.set_rollback(True)


def client_for(user):
    client = logged_in(user)
    client.raise_request_exception = False
    return client


def test_every_admin_pattern_is_requested(world, db):
    patterns = admin_patterns()
    assert len(patterns) > 200
    for pattern in patterns:
        assert list(addresses(pattern, world.other)), pattern.route


class Findings(dict):
    """What went wrong, by kind, each with the pattern's name and the URL requested."""

    def record(self, kind, pattern, url, response):
        self.setdefault(kind, []).append((pattern.name, url, response.status_code))

    def check(self, pattern, url, response):
        if OTHERS_SECRET in body_text(response):
            self.record("titre d'une autre institution affiché", pattern, url, response)
        if response.status_code >= 500 and pattern.name not in DELIBERATE_ERRORS:
            self.record("erreur serveur", pattern, url, response)


def test_no_admin_url_shows_another_ministrys_unpublished_work(world, db):
    client = client_for(world.own_editor)
    findings = Findings()
    for pattern in admin_patterns():
        for url in addresses(pattern, world.other):
            findings.check(pattern, url, client.get(url))
    assert not findings, findings


def fingerprint(objects):
    """What the Contrôles own, as stored: a refused request must leave all of it as it was."""
    page = Page.objects.get(pk=objects.page)
    return (
        (page.title, page.draft_title, page.live, page.path, page.latest_revision_id, page.locked),
        JobOffer.objects.filter(pk=objects.offer).values_list("title", "live", "institution_id", "locked").get(),
        get_image_model().objects.filter(pk=objects.image).values_list("title", "collection_id").get(),
        get_document_model().objects.filter(pk=objects.document).values_list("title", "collection_id").get(),
        Collection.objects.filter(pk=objects.collection).values_list("name", "path").get(),
        UploadedFile.objects.filter(pk__in=objects.uploads.values()).count(),
        Application.objects.filter(pk=objects.application).values_list("status", "decision_sent_at").get(),
        ApplicationNote.objects.filter(application_id=objects.application).count(),
        PoolContact.objects.filter(candidate_id=objects.candidate).count(),
    )


def test_no_admin_url_acts_on_or_shows_another_ministrys_work_when_posted_to(world, db):
    """Each pattern posted to with the Contrôles' ids (rolled back after each request)."""
    before = fingerprint(world.other)
    findings = Findings()
    for pattern in admin_patterns():
        for base, object_id in bases(pattern, world.other):
            url = f"{base}?id={object_id}"
            client = client_for(world.own_editor)  # afresh: a POST may have signed the last one out
            with transaction.atomic():
                response = client.post(url, {"id": object_id})
                if fingerprint(world.other) != before:
                    findings.record("contenu d'une autre institution modifié", pattern, url, response)
                transaction.set_rollback(True)
            findings.check(pattern, url, response)
    assert not findings, findings


RECRUITING_PREFIX = "admin/candidatures/"


def test_an_editor_without_the_recruiting_permission_reads_no_application_even_of_their_own(world, db):
    """The recruiters' URLs with the Essais' own objects, for an Essais editor who does not recruit."""
    client = client_for(world.own_editor_without_recruit)
    shown = []
    for pattern in admin_patterns():
        if pattern.route.startswith(RECRUITING_PREFIX):
            for url in addresses(pattern, world.own):
                response = client.get(url)
                if OWN_SECRET in body_text(response) or response.status_code >= 500:
                    shown.append((pattern.name, url, response.status_code))
    assert not shown, shown


def test_a_recruiter_finds_their_own_applications_and_pool(world, db):
    client = client_for(world.own_editor)
    for url in (
        reverse("recruiting_index"),
        reverse("recruiting_application", args=[world.own.application]),
        reverse("recruiting_cv", args=[world.own.application]),
        reverse("recruiting_pool"),
        reverse("recruiting_pool_candidate", args=[world.own.candidate]),
    ):
        assert OWN_SECRET in body_text(client.get(url)), url


def shared_views(objects):
    """Views that list or name several institutions' objects, each given one ministry's `objects`."""
    bulk = "wagtail_bulk_action"
    return {
        "historique du site": reverse("wagtailadmin_reports:site_history"),
        "historique du site en CSV": reverse("wagtailadmin_reports:site_history") + "?export=csv",
        "historique du site en XLSX": reverse("wagtailadmin_reports:site_history") + "?export=xlsx",
        "sélecteur de page": reverse("wagtailadmin_choose_page_child", args=[objects.parent]),
        "recherche du sélecteur de page": reverse("wagtailadmin_choose_page_search") + "?q=Page",
        "pages choisies": reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={objects.page}",
        "API des images": reverse("wagtailadmin_api:images:listing"),
        "API des documents": reverse("wagtailadmin_api:documents:detail", args=[objects.document]),
        "action groupée sur une page": reverse(bulk, args=["wagtailcore", "page", "publish"]) + f"?id={objects.page}",
        "action groupée sur toutes les pages": reverse(bulk, args=["wagtailcore", "page", "unpublish"])
        + f"?id=all&childOf={objects.parent}",
        "action groupée sur une image": reverse(bulk, args=["wagtailimages", "image", "add_tags"])
        + f"?id={objects.image}",
        "action groupée sur un document": reverse(bulk, args=["wagtaildocs", "document", "delete"])
        + f"?id={objects.document}",
        "confirmation de déplacement": reverse("wagtailadmin_pages:move_confirm", args=[objects.page, objects.parent]),
    }


@pytest.mark.parametrize("view", sorted(shared_views(SimpleNamespace(page=1, parent=1, image=1, document=1))))
def test_each_ministry_sees_its_own_work_and_the_editorial_team_sees_all(world, db, view):
    own = client_for(world.own_editor).get(shared_views(world.own)[view])
    shown = body_text(own)
    assert OWN_SECRET in shown and OTHERS_SECRET not in shown, (view, own.status_code)
    team = client_for(world.comms_editor)
    for objects, secret in ((world.own, OWN_SECRET), (world.other, OTHERS_SECRET)):
        response = team.get(shared_views(objects)[view])
        assert secret in body_text(response), (view, secret, response.status_code)


def test_a_pasted_address_of_another_ministrys_page_names_it_by_its_public_title(world, db):
    page = Page.objects.get(pk=world.other.page)
    url = reverse("wagtailadmin_choose_page_external_link")
    data = {"external-link-chooser-url": page.full_url, "external-link-chooser-link_text": ""}

    for user, secret_shown in ((world.own_editor, False), (world.comms_editor, True)):
        chosen = json.loads(client_for(user).post(url, data).content)["result"]
        assert chosen["id"] == page.pk
        assert (OTHERS_SECRET in chosen["adminTitle"].casefold()) is secret_shown
    assert client_for(world.own_editor).post(url, {}).status_code == 200  # the form again, not an error
