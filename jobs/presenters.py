"""Plain data for the offer templates, computed once in Python so that templates only lay it out.

`offer_card` feeds templates/jobs/includes/offer_card.html, shared by /offres/, the home page, the
similar offers of an offer page and the search page. `OfferPage` builds the offer page's context.
"""

from functools import cached_property
from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from wagtail.images.models import SourceImageIOError

from metnum_site.addresses import absolute_url
from metnum_site.rich_text import plain_text, rich_text_html

from .structured_data import job_posting, script_json

# The description sections of an offer, in page order: (field name, heading).
SECTIONS = [
    ("missions", "Missions"),
    ("team_context", "Équipe et contexte"),
    ("profile", "Profil recherché"),
    ("benefits", "Avantages"),
    ("process", "Processus de recrutement"),
]
LINKEDIN_SHARE_URL = "https://www.linkedin.com/sharing/share-offsite/"
NEW_WINDOW = "nouvelle fenêtre"
LOGO_RENDITION = "max-400x200"


def french_date(day):
    """« 1er mars 2026 », « 12 mars 2026 »."""
    if day is None:
        return ""
    label = formats.date_format(day, "j F Y")
    return "1er" + label[1:] if day.day == 1 else label


def thousands(amount):
    """« 45 000 », with a non-breaking space as thousands separator, as French typography wants."""
    return f"{amount:,}".replace(",", "\u00a0")


def euros(amount):
    return thousands(amount) + "\u00a0€"


def salary_label(offer):
    """« 45 000 – 55 000 € brut par an », « À partir de 45 000 € brut par an »…, or "" when not given."""
    low, high = offer.salary_min, offer.salary_max
    if low and high and low != high:
        amount = f"{thousands(low)} – {euros(high)}"
    elif low and high:
        amount = euros(low)
    elif low:
        amount = "À partir de " + euros(low)
    elif high:
        amount = "Jusqu'à " + euros(high)
    else:
        return ""
    return f"{amount} brut par an"


def place_label(offer):
    """« Lyon (Rhône) »; the city alone when the postal code matches no département (drafts) or when
    the département bears the city's name (« Paris », not « Paris (Paris) »)."""
    departement = offer.departement
    if departement is None or departement.name.casefold() == offer.city.strip().casefold():
        return offer.city
    return f"{offer.city} ({departement.name})"


def contract_labels(offer):
    """Labels of the offer's contract types, read from the prefetched relation (no query per offer)."""
    return [contract.label for contract in offer.contract_types.all()]


def excerpt(html, length=200):
    """The beginning of a rich-text field as plain text, words kept apart where blocks meet."""
    return Truncator(plain_text(html)).chars(length)


def offer_card(offer, heading_tag="h2"):
    """The django-dsfr `dsfr_card` data of an offer (expects `for_listing()` rows)."""
    badges = [{"label": label, "extra_classes": "fr-badge--sm"} for label in contract_labels(offer)]
    badges.append({"label": offer.get_remote_display(), "extra_classes": "fr-badge--sm fr-badge--blue-ecume"})
    return {
        "title": offer.title,
        "title_max_length": 220,
        "link": offer.get_absolute_url(),
        "heading_tag": heading_tag,
        "description": offer.institution.name,
        "top_detail": {
            "badges": badges,
            "detail": {"text": place_label(offer), "icon_class": "fr-icon-map-pin-2-line"},
        },
        "bottom_detail": {
            "text": f"Candidature jusqu'au {french_date(offer.deadline)}",
            "icon_class": "fr-icon-calendar-line",
        },
        "extra_classes": "fr-card--sm",
    }


def logo_rendition(image):
    """The logo's rendition, or None when its file is missing (the page then shows the name alone)."""
    try:
        return image.get_rendition(LOGO_RENDITION)
    except SourceImageIOError:
        return None


def mailto(address, **fields):
    """A mailto: URL whose subject and body are percent-encoded (spaces as %20, not +)."""
    query = urlencode({name: value for name, value in fields.items() if value}, quote_via=quote)
    return f"mailto:{quote(address, safe='@')}" + (f"?{query}" if query else "")


class OfferPage:
    """What the offer page (templates/jobs/offer_detail.html) shows about one offer.

    `is_open` says whether candidates can still apply; `similar` is a list of offers (for_listing rows).
    Works for an unsaved offer too (admin preview): no URL, no publication date, maybe empty fields.
    """

    def __init__(self, offer, request, *, is_open, similar=(), stories=(), is_preview=False):
        self.offer = offer
        self.request = request
        self.is_open = is_open
        self.similar = similar
        self.stories = stories
        self.is_preview = is_preview

    def context(self):
        offer = self.offer
        title = offer.title or "Intitulé à compléter"
        return {
            "offer": offer,
            "title": title,
            "meta_description": self.meta_description(title),
            "is_open": self.is_open,
            "is_preview": self.is_preview,
            "closed_notice": self.closed_notice(),
            "institution": self.institution,
            "facts": self.facts(),
            "skills": sorted((tag.name for tag in offer.skills.all()), key=str.casefold),
            "sections": self.sections,
            "apply": self.apply() if self.is_open or self.is_preview else None,
            "share": self.share(),
            "similar_cards": [offer_card(similar, heading_tag="h3") for similar in self.similar],
            "story_cards": [
                {
                    "title": story.title,
                    "link": story.get_url(self.request),
                    "description": story.intro,
                    "heading_tag": "h3",
                }
                for story in self.stories
            ],
            "structured_data": self.structured_data(),
            "noindex": not self.is_open or self.is_preview,
            "breadcrumb_data": {"links": [{"url": reverse("search:offers"), "title": "Offres"}], "current": title},
        }

    def meta_description(self, title):
        offer = self.offer
        text = f"{offer.institution.name} recrute : {title}, {place_label(offer)}."
        if self.is_open:
            text += f" Candidature jusqu'au {french_date(offer.deadline)}."
        return text

    @property
    def absolute_url(self):
        return absolute_url(self.offer.get_absolute_url()) if self.offer.slug else ""

    def closed_notice(self):
        if self.is_open or self.is_preview:
            return None
        if self.offer.is_filled:
            return {
                "title": "Ce poste a été pourvu.",
                "description": "Cette offre n'est plus ouverte aux candidatures.",
            }
        return {
            "title": "Cette offre n'est plus ouverte aux candidatures.",
            "description": f"La date limite était le {french_date(self.offer.deadline)}.",
        }

    @cached_property
    def institution(self):
        institution = self.offer.institution
        logo = None
        rendition = logo_rendition(institution.logo) if institution.logo else None
        if rendition:
            logo = {
                "url": rendition.url,
                "absolute_url": absolute_url(rendition.url),
                "alt": f"Logo : {institution.name}",
                "width": rendition.width,
                "height": rendition.height,
            }
        return {
            "name": institution.name,
            "acronym": institution.acronym,
            "url": institution.public_url,
            "website": institution.website,
            "logo": logo,
        }

    @property
    def reference(self):
        return self.offer.reference or (str(self.offer.pk) if self.offer.pk else "")

    def facts(self):
        """[{"term", "description", "details"}] for the key-facts description list; empty facts are left out."""
        offer = self.offer
        departement = offer.departement
        place_details = f"{offer.postal_code} · {departement.region.name}" if departement else offer.postal_code
        published = offer.first_published_at
        facts = [
            ("Type de contrat", ", ".join(contract_labels(offer)), ""),
            ("Fonction publique", offer.get_versant_display() if offer.versant else "", ""),
            ("Catégorie", offer.get_category_display() if offer.category else "", ""),
            ("Expérience", offer.get_experience_level_display(), ""),
            ("Lieu", place_label(offer), place_details),
            ("Télétravail", offer.get_remote_display(), ""),
            ("Rémunération", salary_label(offer), ""),
            ("Date limite de candidature", french_date(offer.deadline), ""),
            ("Prise de poste", french_date(offer.start_date), ""),
            ("Publiée le", french_date(timezone.localdate(published)) if published else "", ""),
            ("Service", offer.team, ""),
            ("Métier", offer.profession.name if offer.profession else "", ""),
            ("Référence", offer.reference, ""),  # never the database id: it means nothing to a candidate
        ]
        return [{"term": term, "description": text, "details": details} for term, text, details in facts if text]

    @cached_property
    def sections(self):
        """[{"id", "title", "html"}] of the description sections that have text (html: sanitised rich text)."""
        return [
            {"id": slugify(heading), "title": heading, "html": rich_text_html(getattr(self.offer, name))}
            for name, heading in SECTIONS
            if strip_tags(getattr(self.offer, name) or "").strip()
        ]

    def apply(self):
        """The apply link: the application form on this site when the institution receives them here
        (candidates/, reached by its URL name: jobs does not import it); otherwise the external form when
        there is one, otherwise an email; both when given."""
        offer = self.offer
        if offer.pk and offer.institution.receives_applications_on_metnum:
            return {"metnum_url": reverse("candidates:apply", args=[offer.pk]), "url": None, "email": None}
        subject = " – ".join(part for part in ("Candidature", offer.title, offer.reference) if part)
        email = {"address": offer.apply_email, "url": mailto(offer.apply_email, subject=subject)}
        return {
            "metnum_url": None,
            "url": offer.apply_url or None,
            "email": email if offer.apply_email else None,
            "new_window": NEW_WINDOW,
        }

    def share(self):
        url = self.absolute_url
        if not url:
            return None
        return {
            "url": url,
            "linkedin": f"{LINKEDIN_SHARE_URL}?{urlencode({'url': url})}",
            "email": mailto("", subject=self.offer.title, body=f"{self.offer.title}\n{url}"),
            "new_window": NEW_WINDOW,
        }

    def structured_data(self):
        """The JSON-LD JobPosting, escaped for a script element; only on open offers, never in preview."""
        if not self.is_open or self.is_preview:
            return None
        logo = self.institution["logo"]
        description = "".join(f"<h2>{section['title']}</h2>{section['html']}" for section in self.sections)
        posting = job_posting(
            self.offer,
            url=self.absolute_url,
            description_html=description,
            reference=self.reference,
            logo_url=logo["absolute_url"] if logo else None,
        )
        return script_json(posting)
