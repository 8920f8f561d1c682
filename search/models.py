from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

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
