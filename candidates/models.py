"""Candidates, their applications to offers and the reasons of a refusal (docs/candidates.md).

A candidate is not a Django user: no password, no admin access. They sign in with a link sent by email
(candidates.sign_in) and their session holds their id and their `session_epoch`. What is kept about
them is exactly what the profile form and the application form ask for, deleted on request and after
two years without activity (candidates.purge)."""

from django.db import models
from django.utils import timezone

from jobs import geography

from .storage import private_storage, random_cv_name

RECRUIT_PERMISSION = "candidates.recruit"


def region_choices():
    return [(code, region.name) for code, region in sorted(geography.regions().items(), key=lambda i: i[1].name)]


class CandidateQuerySet(models.QuerySet):
    def in_pool(self):
        return self.filter(in_talent_pool=True)

    def visible_to_institution(self, institution):
        """The candidates an institution may see in the talent pool: opted in, and not hiding from it."""
        return self.in_pool().exclude(hidden_institutions=institution)


class Candidate(models.Model):
    email = models.EmailField("adresse électronique", unique=True)  # in lower case (save)
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    region = models.CharField("région", max_length=3, choices=region_choices, blank=True)
    contract_types = models.ManyToManyField(
        "jobs.ContractType", verbose_name="types de contrat recherchés", blank=True, related_name="+"
    )
    current_job = models.CharField("poste actuel", max_length=200, blank=True)
    years_of_experience = models.PositiveSmallIntegerField("années d'expérience", null=True, blank=True)
    github_url = models.URLField("profil GitHub", blank=True)
    portfolio_url = models.URLField("portfolio ou site personnel", blank=True)
    domains = models.ManyToManyField(
        "jobs.Profession", verbose_name="domaines qui vous intéressent", blank=True, related_name="+"
    )
    in_talent_pool = models.BooleanField("dans le vivier de talents", default=False)
    hidden_institutions = models.ManyToManyField(
        "jobs.Institution",
        verbose_name="institutions qui ne doivent pas vous voir",
        blank=True,
        related_name="hidden_candidates",
    )
    created_at = models.DateTimeField("inscription le", auto_now_add=True)
    last_seen_at = models.DateTimeField("dernière activité le", default=timezone.now)
    # Bumped by « Se déconnecter partout »: a session holding an older value is signed out.
    session_epoch = models.PositiveIntegerField("génération des sessions", default=0)
    deletion_warning_sent_at = models.DateTimeField("avertissement de suppression envoyé le", null=True, blank=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = "candidate ou candidat"
        verbose_name_plural = "candidates et candidats"
        ordering = ["last_name", "first_name", "pk"]

    def __str__(self):
        return self.full_name or f"Personne candidate n° {self.pk}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class SignInLink(models.Model):
    """A sign-in link sent by email (candidates.sign_in): the link carries only its signed random id, so
    that no address appears in a URL (nor in the logs that print URLs) or in a task's arguments. Spent
    once (`used_at`); deleted by the purge a day after it was asked for."""

    token_id = models.CharField("identifiant du lien", max_length=64, unique=True)
    email = models.EmailField("adresse électronique")
    next_url = models.CharField("page où revenir", max_length=500, blank=True)
    created_at = models.DateTimeField("demandé le", default=timezone.now, db_index=True)
    used_at = models.DateTimeField("utilisé le", null=True, blank=True)

    class Meta:
        verbose_name = "lien de connexion"
        verbose_name_plural = "liens de connexion"

    def __str__(self):
        return f"Lien de connexion n° {self.pk}"


class RefusalReason(models.Model):
    """A reason recruiters may give when they turn an application down, edited by the editorial team."""

    label = models.CharField("motif", max_length=200, unique=True)
    active = models.BooleanField("proposé aux recruteurs", default=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "motif de refus"
        verbose_name_plural = "motifs de refus"
        ordering = ["position", "label"]

    def __str__(self):
        return self.label


class ApplicationStatus(models.TextChoices):
    TO_PROCESS = "a_traiter", "À traiter"
    IN_PROGRESS = "en_cours", "En cours"
    ACCEPTED = "retenue", "Retenue"
    REJECTED = "non_retenue", "Non retenue"


class Application(models.Model):
    candidate = models.ForeignKey(
        Candidate, verbose_name="personne candidate", on_delete=models.CASCADE, related_name="applications"
    )
    # CASCADE: an offer deleted takes its applications (and their CVs, candidates.signals) with it,
    # rather than keeping personal data about an offer nobody can see any more.
    offer = models.ForeignKey(
        "jobs.JobOffer", verbose_name="offre", on_delete=models.CASCADE, related_name="applications"
    )
    cover_letter = models.TextField("lettre de motivation")
    cv = models.FileField("CV", storage=private_storage, upload_to=random_cv_name, max_length=200)
    cv_name = models.CharField("nom du fichier du CV", max_length=150)
    status = models.CharField(
        "statut", max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.TO_PROCESS
    )
    refusal_reasons = models.ManyToManyField(
        RefusalReason, verbose_name="motifs de refus", blank=True, related_name="applications"
    )
    submitted_at = models.DateTimeField("envoyée le", default=timezone.now)
    status_changed_at = models.DateTimeField("statut changé le", default=timezone.now)
    decision_sent_at = models.DateTimeField("décision envoyée le", null=True, blank=True)

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-submitted_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["candidate", "offer"], name="one_application_per_offer")]
        permissions = [("recruit", "Traiter les candidatures et consulter le vivier de talents")]

    def __str__(self):
        return f"Candidature n° {self.pk}"
