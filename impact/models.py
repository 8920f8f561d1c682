"""The counts kept in the database, per day: nothing about who read, clicked or searched (no address,
no browser, no cookie). They are written only by `counters.flush()` from the counts kept in the cache."""

from django.db import models
from django.db.models import Q


class OfferDailyCount(models.Model):
    """Views of one offer's page and clicks on its « Candidater » button on one day. The institution
    is kept with the row, so that an institution's figures survive the deletion of an offer."""

    day = models.DateField("jour")
    offer = models.ForeignKey(
        "jobs.JobOffer", verbose_name="offre", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    institution = models.ForeignKey(
        "jobs.Institution",
        verbose_name="institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    views = models.PositiveIntegerField("consultations", default=0)
    apply_clicks = models.PositiveIntegerField("clics sur « Candidater »", default=0)

    class Meta:
        verbose_name = "fréquentation d'une offre par jour"
        verbose_name_plural = "fréquentation des offres par jour"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "offer"], condition=Q(offer__isnull=False), name="one_offer_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["institution", "day"], name="offer_count_institution_idx")]

    def __str__(self):
        return f"Offre n° {self.offer_id} le {self.day}"


class SearchDailyCount(models.Model):
    """How many times a search text (normalised, never an e-mail address or a phone number) was
    searched on one day, and how many of those searches found no offer. An empty text counts the
    searches made with filters only."""

    day = models.DateField("jour")
    text = models.CharField("texte recherché", max_length=100, blank=True)
    searches = models.PositiveIntegerField("recherches", default=0)
    zero_result_searches = models.PositiveIntegerField("recherches sans résultat", default=0)

    class Meta:
        verbose_name = "recherche par jour"
        verbose_name_plural = "recherches par jour"
        constraints = [models.UniqueConstraint(fields=["day", "text"], name="one_search_count_per_day")]

    def __str__(self):
        return f"« {self.text} » le {self.day}"
