"""What the comms team tunes between two intakes: the rules that tell digital jobs from the others,
and the employers named by the sources that no institution matches yet."""

import re

from django.db import models
from django.utils import timezone

from jobs.models import Institution

from .text import normalised


class DigitalRule(models.Model):
    """One rule of the digital-job filter (intake/filtering.py): an exclusion that matches drops the
    record, otherwise the first inclusion that matches keeps it; no rule, no offer."""

    class Field(models.TextChoices):
        FAMILY = "metier", "Métier ou domaine fonctionnel"
        ROME = "rome", "Code ROME"
        TITLE = "intitule", "Intitulé du poste"

    class Decision(models.TextChoices):
        KEEP = "garder", "Garder l'offre"
        DROP = "ecarter", "Écarter l'offre"

    field = models.CharField(
        "champ lu",
        max_length=20,
        choices=Field.choices,
        help_text="Métier : la famille de métiers de la source (« Métier » de Choisir le service public, "
        "appellation de France Travail). Code ROME : le début du code (M18 couvre tout M18xx).",
    )
    pattern = models.CharField(
        "texte cherché",
        max_length=120,
        help_text="Un mot ou le début d'un mot, sans tenir compte des majuscules ni des accents : "
        "« développ » reconnaît « Développeuse » et « développeur ».",
    )
    decision = models.CharField("décision", max_length=10, choices=Decision.choices, default=Decision.KEEP)
    active = models.BooleanField("active", default=True)
    note = models.CharField("note", max_length=255, blank=True, help_text="Pourquoi cette règle existe.")

    class Meta:
        verbose_name = "règle du filtre numérique"
        verbose_name_plural = "règles du filtre numérique"
        ordering = ["decision", "field", "pattern"]
        constraints = [models.UniqueConstraint(fields=["field", "pattern"], name="intake_unique_rule")]

    def __str__(self):
        verb = "commence par" if self.field == self.Field.ROME else "contient"
        return f"{self.get_field_display().lower()} {verb} « {self.pattern} »"

    def matches(self, value):
        value = normalised(value)
        pattern = normalised(self.pattern)
        if not value or not pattern:
            return False
        if self.field == self.Field.ROME:
            return value.replace(" ", "").upper().startswith(pattern.replace(" ", "").upper())
        # A word, or the start of one: « data » finds « Data engineer », not « Validation ».
        return re.search(r"(?<!\w)" + re.escape(pattern), value) is not None


class SourceEmployer(models.Model):
    """An employer as a source names it, with no institution to match: its records wait here until
    the comms team says which institution it is (never created automatically)."""

    source = models.CharField("source", max_length=40)
    name = models.CharField("nom dans la source", max_length=300)
    key = models.CharField("clé de comparaison", max_length=300, editable=False)
    institution = models.ForeignKey(
        Institution,
        verbose_name="institution correspondante",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_employers",
        help_text="Choisissez l'institution que la source désigne sous ce nom : ses offres numériques seront "
        "importées à la prochaine collecte. Laissez vide tant que ce n'est pas tranché.",
    )
    records = models.PositiveIntegerField(
        "offres mises de côté", default=0, help_text="Offres numériques de cet employeur à la dernière collecte."
    )
    first_seen = models.DateTimeField("vu pour la première fois", default=timezone.now, editable=False)
    last_seen = models.DateTimeField("vu pour la dernière fois", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "employeur à rattacher"
        verbose_name_plural = "employeurs à rattacher"
        ordering = ["-records", "name"]
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="intake_unique_source_employer")]

    def __str__(self):
        return f"{self.name} ({self.source})"


class IntakeRun(models.Model):
    """One intake of one source, by hand or scheduled: what the admin summary lists."""

    class Status(models.TextChoices):
        SUCCESS = "reussie", "Réussie"
        REJECTED_ROWS = "rejets", "Réussie, avec des offres rejetées"
        FAILED = "echec", "Échec : rien n'a été enregistré"

    kind = models.CharField("format", max_length=40)
    target = models.CharField("fichier ou adresse", max_length=500)
    started_at = models.DateTimeField("commencée le", default=timezone.now, db_index=True)
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)
    status = models.CharField("résultat", max_length=10, choices=Status.choices, default=Status.FAILED)
    kept = models.PositiveIntegerField("gardées", default=0)
    dropped = models.PositiveIntegerField("écartées", default=0)
    set_aside = models.PositiveIntegerField("mises de côté", default=0)
    duplicates = models.PositiveIntegerField("déjà publiées par une autre source", default=0)
    created = models.PositiveIntegerField("créées", default=0)
    updated = models.PositiveIntegerField("mises à jour", default=0)
    unchanged = models.PositiveIntegerField("inchangées", default=0)
    rejected = models.PositiveIntegerField("rejetées", default=0)
    closed = models.PositiveIntegerField("fermées", default=0)
    message = models.TextField("message", blank=True)

    class Meta:
        verbose_name = "collecte"
        verbose_name_plural = "collectes"
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.kind}, {timezone.localtime(self.started_at):%d/%m/%Y %H:%M}"

    @property
    def total(self):
        return self.kept + self.dropped + self.set_aside + self.duplicates


class SourceLink(models.Model):
    """A record of one source that is the same offer as one already imported from another source:
    the offer is kept once (by the source that brought it first), and this link remembers the other
    source's reference and page."""

    offer = models.ForeignKey("jobs.JobOffer", verbose_name="offre", on_delete=models.CASCADE, related_name="+")
    source = models.CharField("source", max_length=40)
    external_id = models.CharField("référence dans la source", max_length=100)
    url = models.URLField("page de l'offre dans la source", max_length=500, blank=True)
    matched_by = models.CharField("reconnue par", max_length=200)
    last_seen = models.DateTimeField("vue pour la dernière fois", default=timezone.now)

    class Meta:
        verbose_name = "offre vue dans une autre source"
        verbose_name_plural = "offres vues dans une autre source"
        ordering = ["-last_seen"]
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="intake_unique_source_link")]

    def __str__(self):
        return f"{self.source} « {self.external_id} »"
