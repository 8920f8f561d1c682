"""The editorial demo content: the employer, story and guide indexes, an employer page for every
institution, the stories and the career guides (data/stories.yaml, data/guides.yaml), illustrated
with the demo images (data/editorial.yaml, data/images/illustrations/).

Runs after the offers (employer pages show their figures). Idempotent: what exists is left alone, so a
second run changes nothing, and an institution added later gets its page on the next run.
"""

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Count
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from editorial.models import GuideIndexPage, GuidePage, GuidePageTag, StoryIndexPage, StoryPage, StoryPageTag, Theme
from editorial.spaces import (
    Changes,
    create_institution_space,
    ensure_editorial_team,
    get_or_create_institution_index,
    get_or_create_institution_page,
    permission_index,
)
from jobs.models import Institution, JobOffer, Profession

from . import files
from .institutions import institutions
from .pages import body, get_or_create_child_page, image_value, paragraphs, stream

COLLECTION_NAME = "Démo"


def load(report):
    data = files.read("editorial")
    stories, guides = files.read("stories"), files.read("guides")
    pages = {institution["slug"]: institution["page"] for institution in institutions()}
    with transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page
        images = demo_images(data["illustrations"], report)
        institution_index, created = get_or_create_institution_index()
        report.count("pages « Index des employeurs »", int(created))
        story_index = _index(home, StoryIndexPage, report, **stories["index"])
        guide_index = _index(home, GuideIndexPage, report, **guides["index"])
        for position, institution in enumerate(Institution.objects.order_by("name")):
            fields = institution_page_fields(institution, pages.get(institution.slug), data, position, images)
            _, created = get_or_create_institution_page(institution, **fields)
            report.count("pages « Page employeur »", int(created))
        report.count("espaces d'institution complétés", institution_spaces(set(data["moderated_institutions"])))
        for story in stories["stories"]:
            get_or_create_child_page(story_index, StoryPage, report=report, **story_fields(story, images))
        for guide in guides["guides"]:
            get_or_create_child_page(guide_index, GuidePage, report=report, **guide_fields(guide, guides))
    return institution_index


def institution_spaces(moderated):
    """Each demo employer's space (collection, editors' group, rights), after its page. Returns
    how many spaces this run created or completed."""
    changed = 0
    permissions = permission_index()
    team, changes = ensure_editorial_team(Changes(permissions))
    for institution in Institution.objects.order_by("name"):
        space = create_institution_space(
            institution.name,
            acronym=institution.acronym or None,
            moderation=institution.slug in moderated,
            team=team,
            permissions=permissions,
        )
        changed += bool(space.changes)
    return changed + bool(changes.done)


def _index(home, model, report, slug, **fields):
    existing = model.objects.first()
    return existing or get_or_create_child_page(home, model, slug=slug, report=report, **fields)


def _tags(names):
    return [Theme.objects.get_or_create(name=name)[0] for name in names]


# Images


def demo_images(illustrations, report):
    """The demo illustrations, stored the first time in the "Démo" collection."""
    image_model = get_image_model()
    collection = _demo_collection()
    existing = {image.title: image for image in image_model.objects.filter(collection=collection)}
    images = []
    for number, illustration in enumerate(illustrations, start=1):
        title = f"Illustration de démonstration n° {number}"
        image = existing.get(title)
        if image is None:
            path = files.image_path(f"illustrations/{illustration['file']}")
            with open(path, "rb") as file:
                image = image_model.objects.create(
                    title=title,
                    description=illustration["description"],
                    collection=collection,
                    file=ImageFile(file, name=f"demo-{path.name}"),
                )
            report.count("images", 1)
        images.append(image)
    return images


def _demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


# Employer pages


def institution_page_fields(institution, page, data, position, images):
    """Intro and body of an institution's demo page: its own texts from the data file (a neutral page
    for an employer that has none), the figures of its demo offers, so they are true when the page is
    written, and the blocks every employer page shares."""
    shared = data["employer_page"]
    open_offers = JobOffer.objects.open().filter(institution=institution)
    professions = list(
        Profession.objects.filter(job_offers__in=open_offers)
        .annotate(offers=Count("job_offers"))
        .order_by("-offers", "name")
        .values_list("name", flat=True)
        .distinct()
    )
    labels = shared["figure_labels"]
    figures = [
        {"number": str(count), "label": labels[key]}
        for key, count in (
            ("open_offers", open_offers.count()),
            ("professions", len(professions)),
            ("cities", open_offers.values("city").distinct().count()),
        )
        if count
    ]
    blocks = []
    if page:
        blocks += [
            (
                "hero",
                {
                    "title": page["hero_title"],
                    "text": page["hero_text"],
                    "image": image_value(images[position % len(images)]),
                    "show_offer_search": False,
                },
            ),
            ("paragraph", paragraphs(*page["presentation"])),
        ]
    if figures:
        blocks.append(
            ("key_figures", {"heading": shared["figures_heading"], "heading_level": "h2", "figures": figures})
        )
    if professions:
        blocks += [
            ("heading", {"text": shared["professions_heading"], "level": "h2", "anchor": ""}),
            ("paragraph", "<ul>" + "".join(f"<li>{profession}</li>" for profession in professions[:6]) + "</ul>"),
        ]
    if page:
        quote = page["quote"]
        blocks.append(
            (
                "quote",
                {
                    "text": quote["text"],
                    "name": quote["name"],
                    "role": quote["role"],
                    "organisation": institution.short_name,
                    "photo": None,
                },
            )
        )
    if position % 2 == 0:
        why_join = shared["why_join"]
        blocks.append(
            ("cta_cards", {"heading": why_join["heading"], "heading_level": "h2", "cards": why_join["cards"]})
        )
    else:
        callout = shared["callout"]
        blocks.append(("callout", {"heading": callout["heading"], "heading_level": "h2", "text": callout["text"]}))
    blocks += [
        (
            "institution_offers",
            {"heading": shared["offers_heading"], "heading_level": "h2", "institution": None, "count": 3},
        ),
        (
            "accordion",
            {
                "heading": shared["faq"]["heading"],
                "heading_level": "h2",
                "items": [
                    {"question": question, "answer": paragraphs(answer)} for question, answer in shared["faq"]["items"]
                ],
            },
        ),
    ]
    return {
        "intro": institution.description,
        "body": stream(*blocks),
    }


# Stories and guides


def story_fields(story, images):
    return {
        "slug": story["slug"],
        "title": story["title"],
        "intro": story["intro"],
        "person_name": story["person_name"],
        "person_role": story["person_role"],
        "person_institution": Institution.objects.filter(slug=story["institution"]).first(),
        "person_profession": Profession.objects.filter(slug=story["profession"]).first(),
        "date": story["date"],
        "hero_image": images[story["image"]],
        "hero_image_alt": "",
        "tagged_items": [StoryPageTag(tag=tag) for tag in _tags(story["tags"])],
        "body": body(story["body"], images),
    }


def guide_fields(guide, guides):
    return {
        "slug": guide["slug"],
        "title": guide["title"],
        "intro": guide["intro"],
        "updated_on": guides["checked_on"],
        "tagged_items": [GuidePageTag(tag=tag) for tag in _tags(guide["tags"])],
        "body": body(guide["body"]),
    }
