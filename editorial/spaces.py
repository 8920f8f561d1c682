"""An institution's space on the site: its employer page under /employeurs/, its image and
document collection, the group of its editors (rights on that page, that collection and the
institution's offers only) and, when asked, the moderation of its page by the editorial team.

Shared by the demo loader and the command `create_institution_space`. Every helper is idempotent:
what exists is reused, and rights are only ever added."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from jobs.models import Institution
from metnum_site.slugs import unique_slug

from .models import InstitutionIndexPage, InstitutionPage

EDITORIAL_TEAM = "Équipe éditoriale"
APPROVAL_TASK = "Validation par l'équipe éditoriale"
OFFER_CODENAMES = ["add", "change", "delete", "publish", "lock", "unlock", "view"]
MEDIA_CODENAMES = {"ministry": ["add", "change", "choose"], "team": ["add", "change", "choose", "delete"]}
MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]

INDEX_DEFAULTS = {
    "slug": "employeurs",
    "title": "Employeurs",
    "intro": "Ministères, agences, autorités, juridictions : découvrez les employeurs publics qui recrutent des "
    "talents du numérique, leurs missions et leurs offres ouvertes.",
}


def get_or_create_institution_index(publish=True):
    """The /employeurs/ page, created under the default site's home page when missing."""
    index = InstitutionIndexPage.objects.first()
    if index is not None:
        return index, False
    home = Site.objects.get(is_default_site=True).root_page
    index = InstitutionIndexPage(**INDEX_DEFAULTS)
    home.add_child(instance=index)
    revision = index.save_revision()
    if publish:
        revision.publish()
    return index, True


@transaction.atomic
def get_or_create_institution_page(institution, publish=True, **fields):
    """The employer page of `institution` and whether it was created.

    A missing page is created under /employeurs/ with the institution's name and slug, plus `fields`
    (intro, body…), then published when `publish` is true or left as a draft otherwise. An existing
    page is returned untouched, published or not: editors' changes always win.
    """
    existing = InstitutionPage.objects.filter(institution=institution).first()
    if existing is not None:
        return existing, False
    index, _ = get_or_create_institution_index()
    page = InstitutionPage(institution=institution, title=institution.name, slug=institution.slug, **fields)
    if not publish:
        page.live = False
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def permission_index():
    """Every permission a space may grant, by (app label, codename), in one query: the demo opens
    two dozen spaces and shares it."""
    apps = [
        "wagtailadmin",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "jobs",
        "editorial",
        "search",
        "alerts",
        "intake",
        "candidates",
        "recruiting",
    ]
    return {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.filter(content_type__app_label__in=apps).select_related("content_type")
    }


@dataclass
class Changes:
    """What a call created or granted (in French, for the command's report), and the permissions
    it grants from."""

    permissions: dict = field(default_factory=permission_index)
    done: list = field(default_factory=list)

    def add(self, created, what):
        if created:
            self.done.append(what)
        return created

    def lookup(self, app_label, codenames):
        try:
            return [self.permissions[app_label, codename] for codename in codenames]
        except KeyError as error:
            raise LookupError(f"Permission introuvable : {error}") from error

    def model_permissions(self, app_label, model_name, actions):
        return self.lookup(app_label, [f"{action}_{model_name}" for action in actions])

    def grant(self, group, permissions, what):
        """Add the model-level `permissions` that `group` lacks."""
        missing = set(permissions) - set(group.permissions.all())
        if missing:
            group.permissions.add(*missing)
            self.done.append(f"{what} : {len(missing)} droit(s) ajouté(s)")

    def grant_on(self, model, group, target_field, target, permissions):
        """Add the page or collection permissions (`model`: GroupPagePermission or
        GroupCollectionPermission) of `group` on `target` that it lacks."""
        existing = set(
            model.objects.filter(group=group, **{target_field: target}).values_list("permission_id", flat=True)
        )
        missing = [permission for permission in permissions if permission.pk not in existing]
        model.objects.bulk_create(
            [model(group=group, permission=permission, **{target_field: target}) for permission in missing]
        )
        for permission in missing:
            self.done.append(f"droit « {permission.codename} » sur « {target} »")


def _grant_page(group, page, codenames, changes):
    permissions = changes.lookup("wagtailcore", [f"{codename}_page" for codename in codenames])
    changes.grant_on(GroupPagePermission, group, "page", page, permissions)


def _grant_collection(group, collection, actions, changes):
    permissions = [
        permission
        for app_label, model_name in MEDIA_MODELS
        for permission in changes.model_permissions(app_label, model_name, actions)
    ]
    changes.grant_on(GroupCollectionPermission, group, "collection", collection, permissions)


@transaction.atomic
def ensure_editorial_team(changes=None):
    """The "Équipe éditoriale" group: the whole site's pages (stories, guides, employer pages), every
    offer, the taxonomies (institutions, métiers, tags), the search synonyms, the reports of searches
    without results and of the email alerts' counts, the intake's rules, employers to map and runs,
    the refusal reasons of applications, and every collection; no user management."""
    changes = changes or Changes()
    group, created = Group.objects.get_or_create(name=EDITORIAL_TEAM)
    changes.add(created, f"groupe « {EDITORIAL_TEAM} »")
    changes.grant(
        group,
        [
            *changes.lookup("wagtailadmin", ["access_admin"]),
            *changes.model_permissions("jobs", "joboffer", OFFER_CODENAMES),
            *changes.lookup("jobs", ["manage_all_offers"]),
            *changes.model_permissions("jobs", "institution", ["add", "change", "delete", "view"]),
            *changes.model_permissions("jobs", "profession", ["add", "change", "delete", "view"]),
            *changes.model_permissions("jobs", "skill", ["add", "change", "delete", "view"]),
            *changes.model_permissions("editorial", "theme", ["add", "change", "delete", "view"]),
            *changes.model_permissions("search", "synonymgroup", ["add", "change", "delete", "view"]),
            # The weekly counts of the email alerts, never the addresses (alerts.view_subscriber_address).
            *changes.model_permissions("alerts", "alertactivity", ["view"]),
            # The intake of offers published elsewhere (docs/intake.md): its filter rules, the employers to
            # map, and the runs and cross-source links, which only the collection writes.
            *changes.model_permissions("intake", "digitalrule", ["add", "change", "delete", "view"]),
            *changes.model_permissions("intake", "sourceemployer", ["change", "view"]),
            *changes.model_permissions("intake", "intakerun", ["view"]),
            *changes.model_permissions("intake", "sourcelink", ["view"]),
            # The refusal reasons and the templates of the emails telling candidates a decision
            # (docs/recruiting.md); never the applications themselves, which need candidates.recruit.
            # A reason is withdrawn (« proposé aux recruteurs ») rather than deleted: it stays on the
            # applications refused for it.
            *changes.model_permissions("candidates", "refusalreason", ["add", "change", "view"]),
            *changes.model_permissions("recruiting", "decisionemailtemplate", ["add", "change", "view"]),
        ],
        f"groupe « {EDITORIAL_TEAM} »",
    )
    home = Site.objects.get(is_default_site=True).root_page
    _grant_page(group, home, ["add", "change", "publish", "lock", "unlock"], changes)
    _grant_collection(group, Collection.get_first_root_node(), MEDIA_CODENAMES["team"], changes)
    return group, changes


@dataclass
class InstitutionSpace:
    institution: Institution
    page: InstitutionPage
    collection: Collection
    group: Group
    workflow: Workflow | None
    changes: list


def _institution(name, acronym, changes):
    institution = Institution.objects.filter(name=name).first()
    if institution is None and acronym:
        institution = Institution.objects.filter(acronym=acronym).first()
    if institution is not None:
        if acronym and not institution.acronym:
            institution.acronym = acronym
            institution.save(update_fields=["acronym"])
            changes.add(True, f"sigle « {acronym} » de l'institution")
        return institution
    max_length = Institution._meta.get_field("slug").max_length
    slug = unique_slug(Institution.objects.all(), acronym or name, max_length=max_length, fallback="institution")
    changes.add(True, f"institution « {name} »")
    return Institution.objects.create(name=name, acronym=acronym or "", slug=slug)


def _collection(institution, group, changes):
    """The institution's collection: the one its group has rights on, or a child of the root named
    after the institution."""
    owned = Collection.objects.filter(group_permissions__group=group).first()
    if owned is not None:
        return owned
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=institution.name).first()
    if existing is not None:
        return existing
    changes.add(True, f"collection « {institution.name} »")
    return root.add_child(name=institution.name)


def _moderation_workflow(page, team, short_name, changes):
    task, created = GroupApprovalTask.objects.get_or_create(name=APPROVAL_TASK)
    changes.add(created, f"tâche « {APPROVAL_TASK} »")
    if created:
        task.groups.set([team])
    name = f"Publication de la page {short_name}"
    workflow, created = Workflow.objects.get_or_create(name=name)
    changes.add(created, f"processus de validation « {name} »")
    _, created = WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    changes.add(created, f"étape « {APPROVAL_TASK} » du processus")
    current = WorkflowPage.objects.filter(page=page).first()
    if current is None or current.workflow_id != workflow.pk:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        changes.add(True, f"processus de validation attribué à la page « {page.title} »")
    return workflow


@transaction.atomic
def create_institution_space(name, acronym=None, moderation=False, publish_page=False, team=None, permissions=None):
    """The space of the institution called `name`, created or completed: see the module docstring.

    The page is created as a draft unless `publish_page`. With `moderation`, the group may only
    submit its page for moderation, and the page's workflow asks the editorial team's approval.
    Returns an InstitutionSpace whose `changes` lists what this call did (empty the second time).
    A caller opening many spaces may pass the editorial `team` group (then not checked again) and
    the `permissions` of permission_index()."""
    changes = Changes(permissions) if permissions is not None else Changes()
    if team is None:
        team, _ = ensure_editorial_team(changes)
    institution = _institution(name, acronym, changes)
    short_name = acronym or institution.short_name
    page, created = get_or_create_institution_page(institution, publish=publish_page)
    changes.add(created, f"page employeur « {page.title} »{'' if page.live else ' (brouillon)'}")

    group = institution.editor_groups.first()
    if group is None:
        group, created = Group.objects.get_or_create(name=f"{short_name} — éditeurs")
        changes.add(created, f"groupe « {group.name} »")
        institution.editor_groups.add(group)
        changes.add(True, f"groupe « {group.name} » lié à l'institution")
    changes.grant(
        group,
        [
            *changes.lookup("wagtailadmin", ["access_admin"]),
            *changes.model_permissions("jobs", "joboffer", OFFER_CODENAMES),
        ],
        f"groupe « {group.name} »",
    )
    _grant_page(group, page, ["add", "change"] if moderation else ["add", "change", "publish"], changes)
    collection = _collection(institution, group, changes)
    _grant_collection(group, collection, MEDIA_CODENAMES["ministry"], changes)
    workflow = _moderation_workflow(page, team, short_name, changes) if moderation else None
    return InstitutionSpace(institution, page, collection, group, workflow, changes.done)
