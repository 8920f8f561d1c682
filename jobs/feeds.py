"""How an offer reads in the RSS 2.0 and Atom 1.0 feeds. The feeds themselves (/offres/flux.rss and
/offres/flux.atom, which take the search page's parameters) are search/feeds.py's subclasses."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html

from metnum_site.addresses import absolute_url
from metnum_site.characters import printable

from .presenters import contract_labels, excerpt, french_date, place_label

FEED_LENGTH = 50


class OfferRss(Feed):
    """The items of an offer feed; which offers, the feed's link and its title per search are
    search.feeds'. `title` is the title of the feed of every open offer."""

    def title(self):
        return f"{settings.WAGTAIL_SITE_NAME} — dernières offres d'emploi"

    description = "Les dernières offres d'emploi du numérique de l'État ouvertes aux candidatures."

    def item_title(self, offer):
        return printable(offer.title)  # clean since it was saved; an older row may predate that

    def item_description(self, offer):
        facts = [
            offer.institution.name,
            place_label(offer),
            ", ".join(contract_labels(offer)),
            f"Candidature jusqu'au {french_date(offer.deadline)}",
        ]
        return printable(format_html("<p>{}</p><p>{}</p>", " · ".join(facts), excerpt(offer.missions)))

    def item_pubdate(self, offer):
        return offer.first_published_at

    def item_updateddate(self, offer):
        return offer.last_published_at or offer.first_published_at

    def item_author_name(self, offer):
        return printable(offer.institution.name)

    def item_categories(self, offer):
        return contract_labels(offer)

    def item_link(self, offer):
        """Also the item's unique id (RSS guid, Atom id): the slug never changes once published."""
        return absolute_url(offer.get_absolute_url())


class OfferAtom(OfferRss):
    feed_type = Atom1Feed
    subtitle = OfferRss.description
