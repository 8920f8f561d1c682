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
