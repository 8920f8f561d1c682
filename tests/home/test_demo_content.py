import io

from django.core.management import call_command
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from editorial.models import GuidePage, InstitutionPage, StandardPage, StoryPage, Theme
from home.models import HomePage, SitemapPage
from jobs.models import Institution, JobOffer, Skill
from tests.factories import InstitutionFactory


def run_loader():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a second run could change: the pages, their stored content and their revisions."""
    pages = list(Page.objects.order_by("path").values_list("url_path", "title", "live", "latest_revision_id"))
    bodies = [
        list(model.objects.order_by("pk").annotate(stored=Cast("body", TextField())).values_list("pk", "stored"))
        for model in (HomePage, StandardPage, InstitutionPage, StoryPage, GuidePage)
    ]
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "content"))
    media = (
        list(get_image_model().objects.order_by("pk").values_list("pk", "title", "file")),
        list(Collection.objects.order_by("path").values_list("name", flat=True)),
        list(Skill.objects.order_by("pk").values_list("name", flat=True)),
        list(Theme.objects.order_by("pk").values_list("name", flat=True)),
    )
    institutions = list(Institution.objects.order_by("slug").values_list("slug", "name", "parent_id", "logo_id"))
    offers = list(
        JobOffer.objects.order_by("external_id").values_list(
            "external_id", "live", "latest_revision_id", "import_fingerprint", "filled_at", "updated_at"
        )
    )
    sites = list(Site.objects.values_list("hostname", "root_page_id"))
    return pages, bodies, revisions, media, institutions, offers, sites


def test_demo_content_builds_the_site_tree(db):
    output = run_loader()

    assert "créé" in output
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    legal_slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"accessibilite", "mentions-legales", "donnees-personnelles", "gestion-des-cookies"} <= legal_slugs
    assert SitemapPage.objects.child_of(home).live().exists()
    # Wagtail's "Welcome" page is replaced by our home page, not left beside it.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_demo_content_builds_the_editorial_pages(db):
    run_loader()

    employers = set(Institution.objects.values_list("slug", flat=True))
    assert {"dinum", "anssi"} <= employers
    assert set(InstitutionPage.objects.live().values_list("slug", flat=True)) == employers
    assert StoryPage.objects.live().count() == 12
    assert GuidePage.objects.live().count() == 6
    images = get_image_model().objects.filter(collection__name="Démo")
    assert images.count() == 8
    assert all(image.description for image in images)


def test_demo_content_is_idempotent(db):
    run_loader()
    before = snapshot()
    assert len(before[1][2]) == Institution.objects.count() and len(before[1][3]) == 12 and len(before[1][4]) == 6
    assert len(before[5]) == JobOffer.objects.count() == 147

    output = run_loader()

    assert snapshot() == before
    assert "Rien à faire" in output


def test_an_employer_added_later_gets_its_page_on_the_next_run(db):
    run_loader()
    InstitutionFactory(slug="nouvel-employeur", name="Nouvel employeur public")

    output = run_loader()

    assert "Page employeur » : 1" in output
    assert InstitutionPage.objects.filter(slug="nouvel-employeur").exists()


def test_demo_content_keeps_editor_changes(db):
    run_loader()
    page = StandardPage.objects.get(slug="mentions-legales")
    page.title = "Mentions légales (modifiées)"
    page.save_revision().publish()

    run_loader()

    page.refresh_from_db()
    assert page.title == "Mentions légales (modifiées)"
    assert StandardPage.objects.filter(slug="mentions-legales").count() == 1
