"""Demo content of the editorial app: the employer, story and guide indexes, an employer page for
every institution, 12 stories and 6 career guides, illustrated with images drawn locally.

Runs after the jobs loader (institutions and offers). Idempotent: what exists is left alone, so a
second run changes nothing, and an institution added later gets its page on the next run.
"""

import io
import random

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Count
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from jobs.models import Institution, JobOffer, Profession
from metnum_site.demo import get_or_create_child_page, paragraphs, stream

from . import demo_guides, demo_stories
from .models import GuideIndexPage, GuidePage, GuidePageTag, StoryIndexPage, StoryPage, StoryPageTag
from .spaces import (
    Changes,
    create_institution_space,
    ensure_editorial_team,
    get_or_create_institution_index,
    get_or_create_institution_page,
    permission_index,
)

COLLECTION_NAME = "Démo"
# The demo accounts that `create_dev_users` (make run) and the browser tests set up: an editor of
# DINUM (one of the demo employers with the most offers) and a member of the editorial team.
MINISTRY_EDITOR = "editeur-dinum"
MINISTRY_EDITOR_INSTITUTION = "dinum"
COMMS_EDITOR = "equipe-editoriale"
# Demo employers whose page goes through the editorial team's approval (the others publish directly).
MODERATED_INSTITUTIONS = {"anssi"}
# DSFR illustrative colours: (name used in the alternative text, hex).
PALETTE = [
    ("bleu France", "#000091"),
    ("bleu clair", "#6a6af4"),
    ("rouge Marianne", "#e1000f"),
    ("vert émeraude", "#00a95f"),
    ("jaune tournesol", "#ffca00"),
    ("orange macaron", "#ff9575"),
    ("violet glycine", "#a558a0"),
    ("bleu écume", "#465f9d"),
]
SHAPES = {"circles": "des cercles", "bands": "des bandes obliques", "squares": "des carrés"}
IMAGE_COUNT = 8
IMAGE_SIZE = (960, 540)


def load(report):
    with transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page
        images = demo_images(report)
        institution_index, created = get_or_create_institution_index()
        report.count("pages « Index des employeurs »", int(created))
        story_index = _index(home, StoryIndexPage, report, **demo_stories.INDEX)
        guide_index = _index(home, GuideIndexPage, report, **demo_guides.INDEX)
        for position, institution in enumerate(Institution.objects.order_by("name")):
            _, created = get_or_create_institution_page(
                institution, **institution_page_fields(institution, position, images)
            )
            report.count("pages « Page employeur »", int(created))
        report.count("espaces d'institution complétés", institution_spaces())
        for story in demo_stories.STORIES:
            get_or_create_child_page(story_index, StoryPage, report=report, **story_fields(story, images))
        for guide in demo_guides.GUIDES:
            get_or_create_child_page(guide_index, GuidePage, report=report, **guide_fields(guide))
    return institution_index


def institution_spaces():
    """Each demo employer's space (collection, editors' group, rights), after its page. Returns
    how many spaces this run created or completed."""
    changed = 0
    permissions = permission_index()
    team, changes = ensure_editorial_team(Changes(permissions))
    for institution in Institution.objects.order_by("name"):
        space = create_institution_space(
            institution.name,
            acronym=institution.acronym or None,
            moderation=institution.slug in MODERATED_INSTITUTIONS,
            team=team,
            permissions=permissions,
        )
        changed += bool(space.changes)
    return changed + bool(changes.done)


def setup_ministry_editor(user):
    """Make `user` an editor of the demo DINUM, and nothing else."""
    institution = Institution.objects.get(slug=MINISTRY_EDITOR_INSTITUTION)
    space = create_institution_space(institution.name, acronym=institution.acronym)
    _only_in_group(user, space.group)


def setup_comms_editor(user):
    """Make `user` a member of the editorial team, and nothing else."""
    team, _ = ensure_editorial_team()
    _only_in_group(user, team)


def _only_in_group(user, group):
    user.is_superuser = user.is_staff = False
    user.save()
    user.groups.set([group])


def _index(home, model, report, slug, **fields):
    existing = model.objects.first()
    return existing or get_or_create_child_page(home, model, slug=slug, report=report, **fields)


# Images


def demo_images(report):
    """The demo illustrations, drawn with Pillow the first time and kept in the "Démo" collection."""
    image_model = get_image_model()
    collection = _demo_collection()
    existing = {image.title: image for image in image_model.objects.filter(collection=collection)}
    images = []
    for number in range(IMAGE_COUNT):
        title, description, drawing = _illustration(number)
        image = existing.get(title)
        if image is None:
            buffer = io.BytesIO()
            drawing.save(buffer, format="JPEG", quality=85)
            image = image_model.objects.create(
                title=title,
                description=description,
                collection=collection,
                file=ImageFile(buffer, name=f"demo-illustration-{number + 1}.jpg"),
            )
            report.count("images", 1)
        images.append(image)
    return images


def _demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _illustration(number):
    """(title, alternative text, Pillow image): an abstract composition, the same for a given number."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    rng = random.Random(number)
    background_name, background = PALETTE[number % len(PALETTE)]
    shape = list(SHAPES)[number % len(SHAPES)]
    colours = [colour for colour in PALETTE if colour[1] != background]
    rng.shuffle(colours)
    picture = PillowImage.new("RGB", IMAGE_SIZE, background)
    draw = ImageDraw.Draw(picture)
    width, height = IMAGE_SIZE
    for index in range(7):
        _, colour = colours[index % 3]
        x, y, size = rng.randint(0, width), rng.randint(0, height), rng.randint(90, 320)
        if shape == "circles":
            draw.ellipse((x - size, y - size, x + size, y + size), fill=colour)
        elif shape == "squares":
            draw.rectangle((x - size // 2, y - size // 2, x + size // 2, y + size // 2), fill=colour)
        else:
            draw.polygon([(x, 0), (x + size, 0), (x + size - 500, height), (x - 500, height)], fill=colour)
    names = " et ".join(name for name, _ in colours[:2])
    title = f"Illustration de démonstration n° {number + 1}"
    description = f"Illustration abstraite : {SHAPES[shape]} {names} sur fond {background_name}"
    return title, description, picture


def image_value(image, decorative=True, caption=""):
    """The stored value of an ImageBlock."""
    if decorative:
        return {"image": image.pk, "alt_text": "", "decorative": True, "caption": caption}
    return {"image": image.pk, "alt_text": image.description, "decorative": False, "caption": caption}


def _tags(names):
    return [Tag.objects.get_or_create(name=name)[0] for name in names]


# Employer pages

EMPLOYEE_QUOTES = [
    (
        "Camille",
        "développeuse",
        "Ici, je vois chaque semaine ce que mon code change pour les usagers. Et l'équipe prend "
        "le temps de bien faire : revue de code, tests, accessibilité.",
    ),
    (
        "Yanis",
        "chef de projet numérique",
        "J'ai rejoint l'équipe comme contractuel. Trois ans plus tard, je pilote un "
        "projet qui concerne des millions de personnes, avec une vraie autonomie.",
    ),
    (
        "Inès",
        "administratrice systèmes",
        "La diversité des sujets est impressionnante : réseaux, cloud, sécurité. On ne "
        "s'ennuie pas, et la formation continue est prise au sérieux.",
    ),
    (
        "Marc",
        "architecte logiciel",
        "On construit pour durer : nos choix techniques doivent tenir dix ans. C'est une "
        "exigence rare, et c'est passionnant.",
    ),
    (
        "Aurélie",
        "data analyste",
        "Les données que nous produisons éclairent des décisions publiques. Savoir à quoi sert son travail, ça compte.",
    ),
]

WHY_JOIN_CARDS = [
    {
        "title": "Des missions d'intérêt général",
        "text": "Des services utilisés par des millions de personnes, et des projets qui ont du sens.",
        "link": {"page": None, "address": "/temoignages/", "text": "Lire les témoignages", "new_window": False},
    },
    {
        "title": "Un cadre de travail équilibré",
        "text": "Télétravail possible jusqu'à trois jours par semaine, congés, horaires respectueux.",
        "link": {
            "page": None,
            "address": "/guides/le-teletravail-dans-la-fonction-publique/",
            "text": "Le télétravail dans la fonction publique",
            "new_window": False,
        },
    },
    {
        "title": "Apprendre et évoluer",
        "text": "Formation continue, mobilité entre administrations, concours internes : la carrière se construit.",
        "link": {
            "page": None,
            "address": "/guides/evoluer-mobilite-et-formation/",
            "text": "Évoluer : mobilité et formation",
            "new_window": False,
        },
    },
]

FAQ = [
    (
        "Faut-il être fonctionnaire pour postuler ?",
        "Non. La plupart de nos offres numériques sont ouvertes aux fonctionnaires comme aux contractuels : "
        "chaque offre précise les contrats possibles.",
    ),
    (
        "Le télétravail est-il possible ?",
        "Oui, selon les postes et après accord de l'encadrement, dans le cadre commun à la fonction publique de "
        "l'État : jusqu'à trois jours par semaine.",
    ),
    (
        "Comment se déroule le recrutement ?",
        "Après l'examen de votre candidature, un ou deux entretiens avec l'équipe et l'encadrement, parfois un "
        "exercice technique. Nous répondons à chaque candidature.",
    ),
]


def institution_page_fields(institution, position, images):
    """Intro and body of an institution's demo page. Blocks vary from one institution to the next;
    figures come from its demo offers, so they are true when the page is written."""
    name = institution.short_name
    open_offers = JobOffer.objects.open().filter(institution=institution)
    professions = list(
        Profession.objects.filter(job_offers__in=open_offers)
        .annotate(offers=Count("job_offers"))
        .order_by("-offers", "name")
        .values_list("name", flat=True)
        .distinct()
    )
    cities = open_offers.values("city").distinct().count()
    figures = [
        {"number": str(count), "label": label}
        for count, label in (
            (open_offers.count(), "offres ouvertes en ce moment"),
            (len(professions), "familles de métiers du numérique recherchées"),
            (cities, "villes où travailler"),
        )
        if count
    ]
    quote_name, quote_role, quote_text = EMPLOYEE_QUOTES[position % len(EMPLOYEE_QUOTES)]
    blocks = [
        (
            "hero",
            {
                "title": f"{name} : des métiers du numérique au service de tous",
                "text": "Des missions de service public, des projets concrets et des équipes qui prennent le temps de "
                "bien faire. Découvrez nos métiers et nos offres ouvertes.",
                "image": image_value(images[position % len(images)]),
                "show_offer_search": False,
            },
        ),
        (
            "paragraph",
            paragraphs(
                f"{institution.name} s'appuie sur des équipes numériques pour mener ses missions de service public. "
                "Développement, données, sécurité, infrastructures, design : les métiers sont nombreux, et les "
                "projets concernent directement les usagers comme les agents.",
                "Nous recrutons des profils débutants comme expérimentés, fonctionnaires ou contractuels, partout "
                "où nos équipes sont implantées.",
            ),
        ),
    ]
    if figures:
        blocks.append(("key_figures", {"heading": "En chiffres", "heading_level": "h2", "figures": figures}))
    if professions:
        blocks += [
            ("heading", {"text": "Les métiers que nous recrutons", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                "<ul>" + "".join(f"<li>{profession}</li>" for profession in professions[:6]) + "</ul>",
            ),
        ]
    blocks.append(
        (
            "quote",
            {"text": quote_text, "name": quote_name, "role": quote_role, "organisation": name, "photo": None},
        )
    )
    if position % 2 == 0:
        blocks.append(
            ("cta_cards", {"heading": "Pourquoi nous rejoindre", "heading_level": "h2", "cards": WHY_JOIN_CARDS})
        )
    else:
        blocks.append(
            (
                "callout",
                {
                    "heading": "Fonctionnaire ou contractuel : tout le monde peut candidater",
                    "heading_level": "h2",
                    "text": "Nos offres précisent les contrats possibles. Notre guide explique les différences "
                    "de statut, de rémunération et de carrière.",
                },
            )
        )
    blocks += [
        (
            "institution_offers",
            {"heading": "Nos offres ouvertes", "heading_level": "h2", "institution": None, "count": 3},
        ),
        (
            "accordion",
            {
                "heading": "Questions fréquentes",
                "heading_level": "h2",
                "items": [{"question": question, "answer": paragraphs(answer)} for question, answer in FAQ],
            },
        ),
    ]
    return {
        "intro": institution.description,
        "body": stream(*blocks),
        "search_description": f"{institution.name} : métiers du numérique et offres d'emploi ouvertes.",
    }


# Stories and guides


def story_fields(story, images):
    body = [_resolve_image(block, images) for block in story["body"]]
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
        "body": stream(*body),
    }


def _resolve_image(block, images):
    """Content modules name demo images by number (see `demo_stories.illustration`)."""
    block_type, value = block
    if block_type == "image" and "demo_image" in value:
        image = images[value["demo_image"] % len(images)]
        return "image", image_value(image, decorative=value["decorative"], caption=value["caption"])
    return block


def guide_fields(guide):
    return {
        "slug": guide["slug"],
        "title": guide["title"],
        "intro": guide["intro"],
        "updated_on": guide["updated_on"],
        "tagged_items": [GuidePageTag(tag=tag) for tag in _tags(guide["tags"])],
        "body": stream(*guide["body"]),
    }
