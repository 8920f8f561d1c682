"""Plain data for the cards of the editorial pages: the arguments of django-dsfr's `dsfr_card`.

Each takes a page from the matching `for_cards()` queryset, so a list of cards costs a fixed number
of queries. The card title is the link; images in cards repeat what the title says, except a story
image whose alternative text the editor wrote.
"""

from django.utils.formats import date_format

CARD_RENDITION = "fill-640x360"
LOGO_IMAGE = "max-400x200"


def offers_label(count):
    if not count:
        return "Aucune offre ouverte en ce moment"
    return "1 offre ouverte" if count == 1 else f"{count} offres ouvertes"


def institution_card(page, heading_tag, request=None):
    institution = page.institution
    card = {
        "title": institution.name,
        "link": page.get_url(request),
        "heading_tag": heading_tag,
        "description": institution.description,
        "top_detail": {"detail": {"text": institution.get_kind_display(), "icon_class": "fr-icon-government-line"}},
        "bottom_detail": {"text": offers_label(page.open_offer_count), "icon_class": "fr-icon-briefcase-line"},
        "extra_classes": "fr-card--shadow metnum-card--logo",
    }
    if institution.logo:
        card.update(image_url=institution.logo.get_rendition(LOGO_IMAGE).url, image_alt="")
    return card


def story_card(story, heading_tag, request=None):
    person = ", ".join(part for part in (story.person_name, story.person_role) if part)
    if story.person_institution:
        person = f"{person} — {story.person_institution.short_name}"
    card = {
        "title": story.title,
        "link": story.get_url(request),
        "heading_tag": heading_tag,
        "description": story.intro,
        "top_detail": {"detail": {"text": person, "icon_class": "fr-icon-user-line"}},
        "bottom_detail": {
            "text": f"Publié le {date_format(story.date, 'j F Y')}",
            "icon_class": "fr-icon-calendar-line",
        },
        "extra_classes": "fr-card--shadow",
        "description_max_length": 240,
    }
    if story.hero_image:
        card.update(
            image_url=story.hero_image.get_rendition(CARD_RENDITION).url,
            image_alt=story.hero_image_alt,
            ratio_class="fr-ratio-16x9",
        )
    return card


def guide_card(guide, heading_tag, request=None):
    return {
        "title": guide.title,
        "link": guide.get_url(request),
        "heading_tag": heading_tag,
        "description": guide.intro,
        "bottom_detail": {
            "text": f"Informations vérifiées le {date_format(guide.updated_on, 'j F Y')}",
            "icon_class": "fr-icon-calendar-line",
        },
        "extra_classes": "fr-card--shadow",
        "description_max_length": 240,
    }
