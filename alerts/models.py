"""Email alerts on a search of /offres/, without an account (docs/alerts.md).

What is kept about a person: the address (Subscriber), and for each alert the search, the frequency and
dates. Nothing else: no name, no client address, no opening or click tracking."""

from django.db import models
from django.db.models import Q


class Frequency(models.TextChoices):
    DAILY = "quotidienne", "Chaque jour"
    WEEKLY = "hebdomadaire", "Chaque semaine"


class Subscriber(models.Model):
    """One email address and its alerts; deleted with its last alert."""

    # In lower case (metnum_site.email_fields.normalised_email).
    email = models.EmailField("adresse électronique", unique=True)
    created_at = models.DateTimeField("inscrite le", auto_now_add=True)

    class Meta:
        verbose_name = "personne abonnée"
        verbose_name_plural = "personnes abonnées"
        permissions = [("view_subscriber_address", "Peut voir les adresses des personnes abonnées aux alertes")]

    def __str__(self):
        return f"Personne abonnée n° {self.pk}"


class AlertQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not paused: the alerts that receive digests."""
        return self.filter(confirmed_at__isnull=False, paused_at__isnull=True)


class Alert(models.Model):
    """A saved search. `search` is the canonical query string of an OfferQuery (its text and filters,
    without sort or page: alerts.searches). `covered_until` is the high-water mark: every offer first
    seen open up to that moment (OfferSighting.seen_at) was handled by a digest, or was already visible
    when the alert was confirmed; it only moves forward, in the transaction that records a sent digest."""

    subscriber = models.ForeignKey(
        Subscriber, verbose_name="personne abonnée", on_delete=models.CASCADE, related_name="alerts"
    )
    search = models.CharField("recherche", max_length=2000, blank=True)
    frequency = models.CharField("fréquence", max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    paused_at = models.DateTimeField("mise en pause le", null=True, blank=True)
    # The last sign of life: confirmation, a change made by the person, a digest sent with offers.
    # Two years without one and the alert is deleted (alerts.purge).
    active_at = models.DateTimeField("dernière activité le", null=True, blank=True)
    covered_until = models.DateTimeField("offres traitées jusqu'au", null=True, blank=True)
    last_sent_at = models.DateTimeField("dernier envoi le", null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = "alerte"
        verbose_name_plural = "alertes"
        constraints = [models.UniqueConstraint(fields=["subscriber", "search"], name="one_alert_per_search")]
        indexes = [models.Index(fields=["frequency", "confirmed_at"], name="alert_due_idx")]

    def __str__(self):
        return f"Alerte n° {self.pk}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_paused(self):
        return self.paused_at is not None


class OfferSighting(models.Model):
    """The moment an offer was first seen open by a sweep (alerts.sightings): when it became visible
    to candidates, whatever its stated publication date or go-live. Written once per offer."""

    offer = models.OneToOneField(
        "jobs.JobOffer", verbose_name="offre", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField("vue ouverte le", db_index=True)

    class Meta:
        verbose_name = "première apparition d'une offre"
        verbose_name_plural = "premières apparitions des offres"

    def __str__(self):
        return f"Offre n° {self.offer_id}"


class Delivery(models.Model):
    """The digest of one alert for one period (a day, an ISO week): one row, claimed under a lock,
    so that a digest is sent once whatever the number of workers and reruns."""

    alert = models.ForeignKey(Alert, verbose_name="alerte", on_delete=models.CASCADE, related_name="deliveries")
    period = models.CharField("période", max_length=10)  # "2025-12-04" (day) or "2025-S49" (ISO week)
    cutoff = models.DateTimeField("offres vues jusqu'au")
    created_at = models.DateTimeField("prévu le", auto_now_add=True)
    sent_at = models.DateTimeField("traité le", null=True, blank=True)
    offer_count = models.PositiveIntegerField("offres envoyées", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("tentatives échouées", default=0)
    next_attempt_at = models.DateTimeField("prochaine tentative")
    last_error = models.CharField("dernière erreur", max_length=300, blank=True)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        constraints = [models.UniqueConstraint(fields=["alert", "period"], name="one_delivery_per_period")]
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(sent_at__isnull=True), name="delivery_pending_idx"),
            models.Index(fields=["sent_at"], name="delivery_sent_idx"),
        ]

    def __str__(self):
        return f"Envoi {self.period} de l'alerte n° {self.alert_id}"


class Activity(models.TextChoices):
    REQUESTED = "demande", "Demandes d'inscription"
    CONFIRMED = "confirmation", "Confirmations"
    UNSUBSCRIBED = "desinscription", "Désinscriptions"


class AlertActivity(models.Model):
    """How many subscription requests, confirmations and unsubscriptions happened on one day: counts,
    nothing about the people (the admin report, alerts.stats)."""

    day = models.DateField("jour")
    kind = models.CharField("événement", max_length=20, choices=Activity.choices)
    count = models.PositiveIntegerField("nombre", default=0)

    class Meta:
        verbose_name = "activité des alertes"
        verbose_name_plural = "activité des alertes"
        constraints = [models.UniqueConstraint(fields=["day", "kind"], name="one_alert_activity_count_per_day")]

    def __str__(self):
        return f"{self.get_kind_display()} du {self.day}"
