from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from jobs.models import open_offer_condition

from .text import parse_synonyms


class SynonymGroup(models.Model):
    """One synonym rule of the offer search, edited by the editorial team. Applied when a candidate
    searches, never when offers are indexed: a change counts from the next search, on every engine
    (Elasticsearch receives it at once, search/signals.py)."""

    terms = models.CharField(
        "termes",
        max_length=400,
        unique=True,
        help_text="Des termes équivalents séparés par des virgules (« dev, développeur, développeuse ») : "
        "chercher l'un trouve les autres. Ou « pm => chef de projet » : chercher « pm » cherche "
        "« chef de projet », et seulement lui. Accents, majuscules, pluriels et articles sont ignorés.",
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = "synonymes"
        verbose_name_plural = "synonymes de la recherche"
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def clean(self):
        super().clean()
        self.terms = " ".join((self.terms or "").split())
        if "#" in self.terms:
            raise ValidationError({"terms": "Le caractère « # » n'est pas accepté dans les termes."})
        rules = parse_synonyms([self.terms])
        if not rules or (rules[0].sources is rules[0].targets and len(rules[0].sources) < 2):
            raise ValidationError(
                {
                    "terms": "Écrivez au moins deux termes séparés par des virgules, ou « terme => autre terme ». "
                    "Un terme fait d'un mot vide seul (« le », « de »…) ne compte pas."
                }
            )


class SpellingWord(models.Model):
    """A word of the open offers (titles, skills, métiers, employers, communes): the vocabulary that
    "Vouliez-vous dire … ?" corrects a typed word towards (search/spelling.py, which rebuilds it)."""

    word = models.CharField("mot", max_length=100, unique=True)  # folded: lower case, no accents
    display = models.CharField("forme affichée", max_length=100)
    token = models.CharField("racine", max_length=100, db_index=True)  # search.text.analyse_word
    offers = models.PositiveIntegerField("offres ouvertes")

    class Meta:
        verbose_name = "mot du vocabulaire"
        verbose_name_plural = "vocabulaire des offres"

    def __str__(self):
        return self.display


class PendingIndexWrite(models.Model):
    """An offer changed whose new state may not be in the search indexes yet.

    Written in the transaction of the change (search/signals.py), removed once both indexes hold the
    offer as it was after that change (search/indexing.py): a process killed in between leaves the row,
    which `search_index status` counts as drift and `search_index sync` repairs. `token` is new at
    each change, so that the writer of an older state never removes the row of a newer one."""

    offer_id = models.BigIntegerField("offre", primary_key=True)  # no foreign key: a deleted offer has a row too
    token = models.BigIntegerField("jeton")
    marked_at = models.DateTimeField("modifiée le")

    class Meta:
        verbose_name = "offre à réindexer"
        verbose_name_plural = "offres à réindexer"

    def __str__(self):
        return f"offre {self.offer_id}"


class OfferDocumentQuerySet(models.QuerySet):
    def open(self, today=None, now=None):
        return self.filter(open_offer_condition(today, now))


class OfferDocument(models.Model):
    """PostgreSQL only: an offer of the database index as a text search reads it, in one row: its
    entry's vectors beside the offer's columns that a search filters, counts and sorts on (the same
    names as on JobOffer, so that the same conditions apply to both).

    Joining the matching index entries to the open offers (on a text cast of the id) was most of a
    broad search: 73 to 82 ms of 121 to 136 for « données » at 100,000 offers, 26 to 34 ms on this
    table (docs/benchmarks.md). Triggers of search/migrations/0012 write it in the transaction that
    writes the index entry or the offer, by whatever path: it cannot lag behind either. Empty on
    SQLite, whose engine reads the offers and its full-text table (search/engines/db_text.py)."""

    offer_id = models.BigIntegerField("offre", primary_key=True)
    entry_id = models.BigIntegerField("entrée de l'index")
    institution_id = models.BigIntegerField("employeur")
    profession_id = models.BigIntegerField("métier", null=True)
    contract_mask = models.PositiveSmallIntegerField("types de contrat")
    category = models.CharField("catégorie", max_length=10)
    experience_level = models.CharField("expérience attendue", max_length=20)
    remote = models.CharField("télétravail", max_length=10)
    departement_code = models.CharField("département", max_length=3)
    region_code = models.CharField("région", max_length=2)
    latitude = models.FloatField("latitude", null=True)
    longitude = models.FloatField("longitude", null=True)
    salary_min = models.PositiveIntegerField("salaire minimum", null=True)
    salary_max = models.PositiveIntegerField("salaire maximum", null=True)
    live = models.BooleanField("publiée")
    go_live_at = models.DateTimeField("publication programmée", null=True)
    expire_at = models.DateTimeField("expiration programmée", null=True)
    first_published_at = models.DateTimeField("première publication", null=True)
    deadline = models.DateField("date limite de candidature")
    filled_at = models.DateField("pourvue le", null=True)
    # Last, being long: PostgreSQL walks a row's columns in order to reach one, and a search reads the
    # short ones above for every match.
    title = SearchVectorField("titre")  # the entry's title vector (title and skills)
    text = SearchVectorField("texte")  # title || body, what a text search matches

    objects = OfferDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document de recherche d'une offre"
        verbose_name_plural = "documents de recherche des offres"

    def __str__(self):
        return f"offre {self.offer_id}"
