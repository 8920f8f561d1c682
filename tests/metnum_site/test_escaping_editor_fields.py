"""Whatever editors type in any text field of a page, a block or a snippet that the public site shows,
it comes back escaped on every public page, feed and JSON-LD; rich text keeps nothing but the site's
feature set.

The fields come from the models and the StreamField block definitions. A text field added later fails
`test_every_text_field_is_classified`; a block type nobody has filled yet fails the property test
(`Unclassified`). Every field filled must show somewhere on the site unless NOT_SHOWN says why not,
so that a field is never "tested" on a page that does not render it."""

import html
import itertools
from types import SimpleNamespace

import pytest
import wagtail_factories
from django.apps import apps
from django.db import models, transaction
from hypothesis import HealthCheck, given, settings
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Site
from wagtail.snippets.blocks import SnippetChooserBlock

from editorial.blocks.links import validate_link_address
from editorial.models import (
    GuideIndexPage,
    GuidePage,
    GuidePageTag,
    InstitutionIndexPage,
    InstitutionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryPageTag,
    Theme,
)
from editorial.spaces import get_or_create_institution_page
from home.models import HomePage, SitemapPage, SiteSettings
from jobs.models import Skill
from tests.editorial.pages import home_page, publish_child
from tests.escaping import SHAPES, feed_injections, injections, payload, rendered_payloads
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=metnum"
# Models whose text fields the public site may show: our apps', and the Wagtail models they use.
THIRD_PARTY_MODELS = ["wagtailcore.Page", "wagtailimages.Image", "wagtaildocs.Document"]

TEXT, RICH, URL, EMAIL = "text", "rich text", "url", "email"
NOT_FILLED = "not filled"
# "app.Model.field" → how an editor fills it (TEXT, RICH, URL, EMAIL), or why it cannot hold markup.
FIELDS = {
    "home.SiteSettings.accessibility_status": "a choice from a fixed list",
    "home.SiteSettings.contact_email": EMAIL,
    "home.SiteSettings.matomo_site_id": TEXT,
    "jobs.Institution.name": TEXT,
    "jobs.Institution.acronym": TEXT,
    "jobs.Institution.slug": "validated: letters, digits and hyphens",
    "jobs.Institution.kind": "a choice from a fixed list",
    "jobs.Institution.website": URL,
    "jobs.Institution.description": TEXT,
    "jobs.Profession.name": TEXT,
    "jobs.Profession.slug": "validated: letters, digits and hyphens",
    "jobs.Profession.description": TEXT,
    "jobs.ContractType.code": "a choice from a fixed list",
    "jobs.JobOffer.title": TEXT,
    "jobs.JobOffer.slug": "computed from the title",
    "jobs.JobOffer.reference": TEXT,
    "jobs.JobOffer.team": TEXT,
    "jobs.JobOffer.category": "a choice from a fixed list",
    "jobs.JobOffer.versant": "a choice from a fixed list",
    "jobs.JobOffer.experience_level": "a choice from a fixed list",
    "jobs.JobOffer.remote": "a choice from a fixed list",
    "jobs.JobOffer.city": TEXT,
    "jobs.JobOffer.postal_code": "validated: five digits",
    "jobs.JobOffer.departement_code": "computed from the postal code",
    "jobs.JobOffer.region_code": "computed from the postal code",
    "jobs.JobOffer.missions": RICH,
    "jobs.JobOffer.team_context": RICH,
    "jobs.JobOffer.profile": RICH,
    "jobs.JobOffer.benefits": RICH,
    "jobs.JobOffer.process": RICH,
    "jobs.JobOffer.apply_url": URL,
    "jobs.JobOffer.apply_email": EMAIL,
    "jobs.JobOffer.source": TEXT,
    "jobs.JobOffer.external_id": TEXT,
    "jobs.JobOffer.import_fingerprint": "computed by the importer",
    "editorial.StandardPage.intro": TEXT,
    "editorial.InstitutionIndexPage.intro": TEXT,
    "editorial.InstitutionPage.intro": TEXT,
    "editorial.StoryIndexPage.intro": TEXT,
    "editorial.StoryPage.intro": TEXT,
    "editorial.StoryPage.hero_image_alt": TEXT,
    "editorial.StoryPage.person_name": TEXT,
    "editorial.StoryPage.person_role": TEXT,
    "editorial.GuideIndexPage.intro": TEXT,
    "editorial.GuidePage.intro": TEXT,
    "wagtailcore.Page.path": "computed by the page tree",
    "wagtailcore.Page.title": TEXT,
    "wagtailcore.Page.draft_title": "copied from the title",
    "wagtailcore.Page.slug": "validated: letters, digits and hyphens",
    "wagtailcore.Page.url_path": "computed by the page tree",
    "wagtailcore.Page.seo_title": TEXT,
    "wagtailcore.Page.search_description": TEXT,
    "jobs.Skill.name": TEXT,
    "jobs.InternalAcronym.acronym": "admin only: the quality panel's template escapes it",
    "jobs.InternalAcronym.meaning": "admin only: the quality panel's template escapes it",
    "jobs.Skill.slug": "validated: letters, digits and hyphens",
    "editorial.Theme.name": TEXT,
    "editorial.Theme.slug": "validated: letters, digits and hyphens",
    "wagtailimages.Image.title": TEXT,
    "wagtailimages.Image.description": TEXT,
    "wagtailimages.Image.file_hash": "computed from the file",
    "wagtaildocs.Document.title": TEXT,
    "wagtaildocs.Document.file_hash": "computed from the file",
}
# Filled, but shown on no public page: why.
NOT_SHOWN = {
    "jobs.Institution.acronym": "searched, not shown: pages show the name",
    "jobs.Profession.description": "shown in the admin only",
    "jobs.JobOffer.source": "import bookkeeping, admin only",
    "jobs.JobOffer.external_id": "import bookkeeping, admin only",
    "jobs.JobOffer.apply_url": "the page links to /offres/<slug>/candidater/, which counts and redirects to it",
    "wagtailimages.Image.title": "images get the alternative text of their block or page",
    "wagtailimages.Image.description": "images get the alternative text of their block or page",
    "wagtaildocs.Document.title": "document links show the text of the rich text",
    "StoriesBlock.tag": "chooses stories when none is picked; the test picks one",
    "OptionalLinkBlock.text": "a card's link is its title",
}
# Block fields whose validators keep markup out: a valid value instead of a payload.
VALIDATED_BLOCK_FIELDS = {"HeadingBlock.anchor": lambda number: f"ancre-{number}"}


def text_fields(model):
    for field in model._meta.get_fields():
        if (
            getattr(field, "concrete", False)
            and field.model is model
            and isinstance(field, models.CharField | models.TextField)
        ):
            yield field


def classified_models():
    ours = [model for label in ("home", "jobs", "editorial") for model in apps.get_app_config(label).get_models()]
    return ours + [apps.get_model(label) for label in THIRD_PARTY_MODELS]


def test_every_text_field_is_classified():
    found = {f"{model._meta.label}.{field.name}" for model in classified_models() for field in text_fields(model)}
    assert found == set(FIELDS)
    assert set(NOT_SHOWN) - set(FIELDS) == {"StoriesBlock.tag", "OptionalLinkBlock.text"}


# Values ------------------------------------------------------------------------------------------


def value_for(kind, number, shape, max_length=None):
    if kind == RICH:
        text = payload(number, **shape)
        return f"<p>{html.escape(text)}</p><p>{text}</p>"
    if kind == URL:
        return "https://example.org/" + "".join(payload(number, **shape, max_length=(max_length or 200) - 20).split())
    if kind == EMAIL:
        local = "".join(c for c in payload(number, **{**shape, "encoded": False}) if c.isascii() and c not in '"\\ ')
        return f'"{local}"@example.org'
    return payload(number, **shape, max_length=max_length)


class Unclassified(Exception):
    pass


class StreamFiller:
    """Raw StreamField data with a payload in every text field of every block (see the module docstring)."""

    def __init__(self, world, shape, numbers):
        self.world, self.shape, self.numbers = world, shape, numbers
        self.shown = {}  # payload number → "Block.field", for the fields that must show

    def stream(self, stream_block, path):
        names = sorted(stream_block.child_blocks, key=lambda name: name != "hero")  # the hero opens the page
        children = [(name, stream_block.child_blocks[name]) for name in names]
        return [
            {"type": name, "value": self.fill(block, f"{path}.{name}", type(block).__name__)}
            for name, block in children
        ]

    def leaf(self, key, path, kind, block):
        number = next(self.numbers)
        if key in VALIDATED_BLOCK_FIELDS:
            return VALIDATED_BLOCK_FIELDS[key](number)
        if key not in NOT_SHOWN:
            self.shown[number] = key
        value = value_for(kind, number, self.shape, getattr(block.field, "max_length", None))
        block.clean(value if kind != RICH else block.to_python(value))  # an editor could have typed it
        return value

    def fill(self, block, path, key=""):
        world = self.world
        if isinstance(block, blocks.StructBlock):
            name = type(block).__name__
            return {
                child: self.fill(block.child_blocks[child], f"{path}.{child}", f"{name}.{child}")
                for child in block.child_blocks
            }
        if isinstance(block, blocks.ListBlock):
            return [self.fill(block.child_block, f"{path}[{i}]", key) for i in range(max(block.meta.min_num or 1, 1))]
        if isinstance(block, blocks.RichTextBlock):
            return self.leaf(key, path, RICH, block)
        if isinstance(block, EmbedBlock):  # a URLBlock, whose HTML comes from the video platform
            return VIDEO_URL
        if isinstance(block, blocks.URLBlock):
            return self.leaf(key, path, URL, block)
        if validate_link_address in getattr(getattr(block, "field", None), "validators", ()):
            number = next(self.numbers)
            self.shown[number] = key
            return "/" + "".join(payload(number, **self.shape, max_length=250).split()).lstrip("/\\")
        if isinstance(block, blocks.CharBlock | blocks.TextBlock):
            return self.leaf(key, path, TEXT, block)
        if isinstance(block, blocks.ChoiceBlock):
            return block.get_default() or block.field.choices[-1][0]
        if isinstance(block, blocks.BooleanBlock | blocks.IntegerBlock):
            return block.get_default()
        if isinstance(block, ImageChooserBlock):
            return world.image.pk
        if isinstance(block, blocks.PageChooserBlock):
            target = block.target_model
            return world.pages[target].pk if target in world.pages and block.required else None
        if isinstance(block, SnippetChooserBlock):
            return world.institution.pk
        raise Unclassified(f"{path}: {type(block).__name__} — teach StreamFiller what an editor types there.")


# The site --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One page of every type, an open offer with skills, an employer with its page and logo, a story
    and a guide with tags: rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage.objects.get(pk=home_page().pk)
        image = wagtail_factories.ImageFactory(title="Illustration")
        Embed.objects.create(
            url=VIDEO_URL,
            hash=get_embed_hash(VIDEO_URL),
            type="video",
            html='<iframe title="Vidéo" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        )
        institution = InstitutionFactory(slug="ministere-essais", logo=image)
        offer = JobOfferFactory(institution=institution, published=True, skill_names=["Python"])
        offer.refresh_from_db()
        institution_page, _ = get_or_create_institution_page(institution)
        stories = publish_child(home, StoryIndexPage(title="Témoignages", slug="temoignages"))
        story = publish_child(
            stories,
            StoryPage(
                title="Un témoignage",
                slug="un-temoignage",
                person_name="Camille",
                person_role="développeuse",
                person_institution=institution,
                person_profession=offer.profession,
                hero_image=image,
                tagged_items=[StoryPageTag(tag=Theme.objects.create(name="Données", slug="donnees"))],
            ),
        )
        guides = publish_child(home, GuideIndexPage(title="Guides", slug="guides"))
        guide = publish_child(
            guides,
            GuidePage(
                title="Un guide", slug="un-guide", tagged_items=[GuidePageTag(tag=Theme.objects.get(slug="donnees"))]
            ),
        )
        document = wagtail_factories.DocumentFactory(title="Fiche")
        pages = {
            HomePage: home,
            StandardPage: StandardPage.objects.live().first(),
            InstitutionIndexPage: InstitutionIndexPage.objects.get(),
            InstitutionPage: InstitutionPage.objects.get(pk=institution_page.pk),
            StoryIndexPage: stories,
            StoryPage: story,
            GuideIndexPage: guides,
            GuidePage: guide,
            SitemapPage: SitemapPage.objects.get(),
        }
        yield SimpleNamespace(
            home=home,
            image=image,
            document=document,
            institution=institution,
            offer=offer,
            pages=pages,
            site_settings=SiteSettings.for_site(Site.objects.get(is_default_site=True)),
        )
        transaction.set_rollback(True)


def fill_everything(world, shape):
    """Payloads in every text field and block of the world; returns {payload number: field} of the
    fields that must show on the site ("app.Model.field" or "Block.field")."""
    numbers = itertools.count(1)
    shown = {}

    def fill_fields(instance, only=None):
        model = type(instance)
        for field in text_fields_of(model):
            key = field_key(field)
            kind = FIELDS[key]
            if kind not in (TEXT, RICH, URL, EMAIL) or (only and field.name not in only):
                continue
            number = next(numbers)
            value = value_for(kind, number, shape, field.max_length)
            field.run_validators(value)  # an editor could have typed it
            setattr(instance, field.name, value)
            if key not in NOT_SHOWN:
                shown[number] = key

    filler = StreamFiller(world, shape, numbers)
    for model, page in world.pages.items():
        page = page.specific
        fill_fields(page)
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                setattr(page, field.name, filler.stream(field.stream_block, f"{model.__name__}.{field.name}"))
        page.draft_title = page.title
        page.save(clean=False)
        world.pages[model] = page
    for instance in (
        world.institution,
        world.offer.profession,
        world.offer,
        world.image,
        world.document,
        world.site_settings,
    ):
        fill_fields(instance)
        instance.save()
    settings_page = world.site_settings
    settings_page.social_links = [
        {"type": "link", "value": {"network": "mastodon", "url": value_for(URL, next(numbers), shape)}}
    ]
    shown[next(numbers) - 1] = "SocialLinkBlock.url"
    settings_page.save()
    for tag_model in (Skill, Theme):
        for tag in tag_model.objects.all():
            number = next(numbers)
            tag.name = value_for(TEXT, number, shape, 100)
            tag.save()
            shown[number] = f"{tag_model._meta.label}.name"
    world.offer.save()  # reindexed with its new skills
    shown.update(filler.shown)
    return shown


def text_fields_of(model):
    for parent in [model, *model._meta.get_parent_list()]:
        if parent._meta.label in {m._meta.label for m in classified_models()}:
            yield from text_fields(parent)


def field_key(field):
    return f"{field.model._meta.label}.{field.name}"


def public_urls(world):
    urls = [page.url for page in world.pages.values()]
    offer = world.offer
    return [
        *urls,
        offer.get_absolute_url(),
        "/offres/",
        "/offres/?q=xss",
        f"/offres/?institution={world.institution.slug}&metier={offer.profession.slug}",
        "/recherche/?q=xss",
        "/offres/suggestions?q=xss",
        "/offres/flux.rss",
        "/offres/flux.atom",
        "/sitemap.xml",
        "/temoignages/?tag=donnees",
    ]


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(shape=SHAPES)
def test_no_editor_text_reaches_a_public_page_unescaped(world, client, settings, shape):
    settings.MATOMO_URL = "https://statistiques.example.org/"
    shown = fill_everything(world, shape)
    found, seen = [], set()
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        if "xml" in response["Content-Type"]:
            found += [f"{url}: {problem}" for problem in feed_injections(text)] if "sitemap" not in url else []
        elif "html" in response["Content-Type"]:
            found += [f"{url}: {problem}" for problem in injections(text)]
            seen |= rendered_payloads(text)

    assert found == []
    assert set(shown.values()) - {shown[number] for number in seen if number in shown} == set()
