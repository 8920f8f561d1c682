import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Case, CharField, Exists, F, Min, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TagBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    ReferenceIndex,
    Revision,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from metnum_site.slugs import numbered, slug_base, unique_slug

from . import geography, quality
from .choices import (
    CONTRACT_BITS,
    SEARCH_WORDS,
    Category,
    ContractTypeCode,
    ExperienceLevel,
    InstitutionKind,
    OfferStatus,
    RemoteWork,
    Versant,
    contract_codes,
    contract_mask,
)
from .indexing import deferred_offer_indexing
from .presenters import OfferPage
from .rules import PUBLICATION_ONLY, RULE_FIELDS, SALARY_MAX, SALARY_MIN, offer_errors, publication_only_errors


def offer_search_url(pairs=(), **params):
    """The offer search with GET parameters: `pairs` ((name, value) in order, such as
    OfferQuery.params()) and/or `params` (institution=<slug>, metier=<slug>…)."""
    path = reverse("search:offers")  # the URL contract of the offer search (its parameters: search/query.py)
    query = urlencode([*pairs, *params.items()], doseq=True)
    return f"{path}?{query}" if query else path


SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class Institution(index.Indexed, models.Model):
    """An employer of the State: ministry, agency, authority, court…"""

    name = models.CharField("nom", max_length=200, unique=True)
    acronym = models.CharField("sigle", max_length=30, blank=True, help_text="Par exemple : DINUM, ANSSI, Insee.")
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        help_text="Utilisé dans les adresses (/employeurs/<identifiant>/, filtres de recherche). "
        "Ne le changez pas une fois publié : les liens existants casseraient.",
    )
    kind = models.CharField("type", max_length=40, choices=InstitutionKind.choices, default=InstitutionKind.MINISTERE)
    parent = models.ForeignKey(
        "self",
        verbose_name="institution de rattachement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="Par exemple, le ministère dont dépend une direction ou une agence.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le logo officiel, sur fond clair de préférence.",
    )
    website = models.URLField("site web", blank=True, help_text="Le site de l'employeur, ou sa page carrières.")
    description = models.CharField(
        "description en une ligne", max_length=255, blank=True, help_text="Ce que fait l'institution, en une phrase."
    )
    editor_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name="groupes d'éditeurs",
        blank=True,
        related_name="institutions",
        help_text="Les membres de ces groupes gèrent les offres de l'institution, et seulement elles "
        "(voir la commande create_institution_space).",
    )
    receives_applications_on_metnum = models.BooleanField(
        "Recevoir les candidatures sur MetNum",
        default=False,
        help_text="Les personnes postulent alors à ses offres sur le site (lettre de motivation et CV), "
        "et l'équipe de recrutement les traite dans l'administration. Sinon, elles suivent l'adresse "
        "ou le courriel de candidature de chaque offre.",
    )

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("acronym", boost=2),
        index.AutocompleteField("name"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = "institution"
        verbose_name_plural = "institutions"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name

    @property
    def public_url(self):
        """The institution's live employer page (/employeurs/<slug>/), or None. The page belongs to the
        editorial app, reached through its one-to-one `employer_page`: jobs never imports editorial."""
        page = getattr(self, "employer_page", None)
        return page.url if page is not None and page.live else None

    @property
    def offers_search_url(self):
        return offer_search_url(institution=self.slug)


class Profession(index.Indexed, models.Model):
    """A family of digital jobs (métier): Développement, Données, Sécurité…"""

    name = models.CharField("nom", max_length=100, unique=True)
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        help_text="Utilisé dans les adresses de recherche (?metier=…). Ne le changez pas une fois publié.",
    )
    description = models.CharField("description courte", max_length=255, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "métier"
        verbose_name_plural = "métiers"
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContractType(models.Model):
    """The fixed list of contract types (rows created by a migration, codes in choices.py)."""

    code = models.CharField("code", max_length=40, unique=True, choices=ContractTypeCode.choices)

    class Meta:
        verbose_name = "type de contrat"
        verbose_name_plural = "types de contrat"
        ordering = ["id"]

    def __str__(self):
        return self.get_code_display()

    @property
    def label(self):
        return self.get_code_display()


class Skill(TagBase):
    """A skill an offer asks for (Python, Kubernetes, accessibilité…): imported or typed by editors.
    Its own tag model, apart from the editorial themes of stories and guides (editorial.Theme)."""

    class Meta:
        verbose_name = "compétence"
        verbose_name_plural = "compétences"
        ordering = ["name"]


class JobOfferSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="tagged_offers", verbose_name="compétence")
    content_object = ParentalKey("jobs.JobOffer", on_delete=models.CASCADE, related_name="tagged_skills")

    class Meta:
        verbose_name = "compétence d'une offre"
        verbose_name_plural = "compétences des offres"


class InternalAcronym(models.Model):
    """An internal acronym that offer titles should not use unexplained (the quality rule
    « Intitulé sans sigle interne »): a list the editorial team keeps."""

    acronym = models.CharField(
        "sigle", max_length=30, unique=True, help_text="Tel qu'il s'écrit dans un intitulé, par exemple « SGAMI »."
    )
    meaning = models.CharField(
        "signification",
        max_length=255,
        help_text="En toutes lettres : elle est proposée aux éditrices et éditeurs pour remplacer le sigle.",
    )

    class Meta:
        verbose_name = "sigle interne"
        verbose_name_plural = "sigles internes"
        ordering = ["acronym"]

    def __str__(self):
        return f"{self.acronym} ({self.meaning})"


def internal_acronyms():
    """[(acronym, meaning)] of the list the editorial team keeps, for the quality rules."""
    return list(InternalAcronym.objects.values_list("acronym", "meaning"))


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def default_deadline():
    return add_months(timezone.localdate(), 2)


def has_contract_type(codes):
    """The condition on JobOffer: at least one of the contract types `codes` (read from the mask)."""
    return Q(GreaterThan(F("contract_mask").bitand(contract_mask(codes)), 0))


def contract_types_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed of JobOffer.contract_types: keeps contract_mask true when the relation is written
    outside JobOffer.save() (from the contract type's side, or through the plain manager)."""
    if not action.startswith("post_"):
        return
    if not reverse:
        offers = JobOffer.objects.filter(pk=instance.pk)
    elif pk_set is None:  # a contract type's offers cleared: which ones is not known any more
        offers = JobOffer.objects.all()
    else:
        offers = JobOffer.objects.filter(pk__in=pk_set)
    offers.refresh_contract_masks()


def open_offer_condition(today=None, now=None):
    """The one definition of an open offer: live, its go-live passed, not expired, not filled, and its
    deadline not passed. An offer is open through its whole deadline day, Paris time. A condition on
    these columns, which the offers' search documents repeat (search.models.OfferDocument)."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return Q(
        Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
        Q(expire_at__isnull=True) | Q(expire_at__gt=now),
        live=True,
        filled_at__isnull=True,
        deadline__gte=today,
    )


class JobOfferQuerySet(models.QuerySet):
    def open(self, today=None, now=None):
        """The open offers (open_offer_condition)."""
        return self.filter(open_offer_condition(today, now))

    def next_open_change(self, now=None):
        """The next moment open() answers differently with no write in between: the next midnight in
        Paris (a deadline day ends), or the next scheduled go-live or expiry of a live offer."""
        now = now or timezone.now()
        tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
        midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
        scheduled = self.filter(live=True).aggregate(
            go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
            expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
        )
        return min(moment for moment in [midnight, *scheduled.values()] if moment is not None)

    def closed(self, today=None):
        """Published offers whose candidacy period is over (deadline passed or filled)."""
        today = today or timezone.localdate()
        return self.filter(Q(filled_at__isnull=False) | Q(deadline__lt=today), first_published_at__isnull=False)

    def with_public_page(self, now=None):
        """Offers whose public page answers, annotated with `open_now` (candidates can still apply).

        Open offers, plus the published offers closed by their deadline, by their scheduled expiry or
        by being filled: their page stays (marked closed, noindex) so that shared links still work.
        Drafts, offers not live yet and offers an editor (or an import) unpublished answer 404."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        gone_live = Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)
        closed_but_kept = Q(first_published_at__isnull=False) & (
            Q(filled_at__isnull=False)
            | Q(expired=True)
            | (Q(live=True) & gone_live & (Q(deadline__lt=today) | Q(expire_at__lte=now)))
        )
        open_now = Exists(JobOffer.objects.open(now=now).filter(pk=OuterRef("pk")))
        return self.annotate(open_now=open_now).filter(Q(open_now=True) | closed_but_kept)

    def similar_to(self, offer, limit=3):
        """Up to `limit` open offers like `offer`: same profession first, then same institution."""
        same_institution = Q(institution_id=offer.institution_id)
        if offer.profession_id:
            same_profession = Q(profession_id=offer.profession_id)
            candidates = self.open().filter(same_profession | same_institution)
            closeness = Case(When(same_profession, then=Value(0)), default=Value(1))
        else:
            candidates, closeness = self.open().filter(same_institution), Value(1)
        if offer.pk:
            candidates = candidates.exclude(pk=offer.pk)
        return candidates.annotate(closeness=closeness).order_by("closeness", "-first_published_at", "-pk")[:limit]

    def with_status(self, now=None):
        """Annotate `status_code` (an OfferStatus) so that listings can show and filter it in SQL."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        scheduled = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(JobOffer),
            object_id=Cast(OuterRef("pk"), CharField()),
            approved_go_live_at__isnull=False,
        )
        return self.annotate(
            status_code=Case(
                When(filled_at__isnull=False, then=Value(OfferStatus.FILLED)),
                When(expired=True, then=Value(OfferStatus.EXPIRED)),
                When(first_published_at__isnull=False, deadline__lt=today, then=Value(OfferStatus.EXPIRED)),
                When(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now), live=True, then=Value(OfferStatus.LIVE)),
                When(Exists(scheduled), then=Value(OfferStatus.SCHEDULED)),
                default=Value(OfferStatus.DRAFT),
                output_field=CharField(),
            )
        )

    def refresh_contract_masks(self):
        """Recompute `contract_mask` from the stored contract types, for writes that bypass save()
        (changes made from the contract type's side, bulk inserts of the relation)."""
        through = JobOffer.contract_types.through
        bits = Case(
            *(When(contracttype__code=code, then=Value(bit)) for code, bit in CONTRACT_BITS.items()), default=Value(0)
        )
        mask = through.objects.filter(joboffer_id=OuterRef("pk")).values("joboffer_id").annotate(mask=Sum(bits))
        return self.update(contract_mask=Coalesce(Subquery(mask.values("mask")), 0))

    def for_listing(self):
        """Everything a card shows, in a fixed number of queries whatever the page length."""
        return self.select_related("institution", "institution__logo", "profession").prefetch_related("contract_types")

    def for_detail(self):
        """Everything an offer page shows about the offer itself, in a fixed number of queries."""
        return self.for_listing().prefetch_related("skills")


class JobOffer(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    # Poste
    title = models.CharField(
        "intitulé du poste",
        max_length=200,
        help_text="L'intitulé que les candidates et candidats chercheraient : « Développeuse ou développeur "
        "back-end Python » plutôt qu'un code interne.",
    )
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=220,
        unique=True,
        blank=True,
        help_text="Créé à partir de l'intitulé à l'enregistrement, puis figé dès la première publication pour que "
        "les liens déjà partagés restent valables. Adresse publique : /offres/<identifiant>/.",
    )
    reference = models.CharField(
        "référence interne",
        max_length=60,
        blank=True,
        help_text="Votre référence interne, facultative. Elle figure dans l'objet des candidatures envoyées par "
        "courriel.",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name="employeur",
        on_delete=models.PROTECT,
        related_name="job_offers",
        help_text="L'employeur qui recrute, parmi les institutions dont vous gérez les offres.",
    )
    team = models.CharField(
        "service ou équipe",
        max_length=200,
        blank=True,
        help_text="Par exemple : « Direction du numérique, pôle data ».",
    )
    profession = models.ForeignKey(
        Profession,
        verbose_name="métier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_offers",
        help_text="La famille de métiers : elle sert aux filtres de recherche et aux suggestions d'offres similaires.",
    )
    skills = ClusterTaggableManager(
        "compétences",
        through=JobOfferSkill,
        blank=True,
        help_text="Langages, outils, méthodes : Python, Kubernetes, accessibilité… Séparez-les par des virgules.",
    )

    # Conditions & lieu
    contract_types = ParentalManyToManyField(
        ContractType,
        verbose_name="types de contrat",
        related_name="job_offers",
        blank=False,
        help_text="Cochez tous les types de contrat possibles pour ce poste.",
    )
    category = models.CharField(
        "catégorie",
        max_length=10,
        choices=Category.choices,
        blank=True,
        help_text="Catégorie de la fonction publique ; laissez vide si elle ne s'applique pas (stage, "
        "apprentissage, freelance…).",
    )
    versant = models.CharField(
        "versant",
        max_length=20,
        choices=Versant.choices,
        blank=True,
        help_text="La fonction publique dont relève le poste ; laissez vide hors fonction publique.",
    )
    experience_level = models.CharField(
        "expérience attendue",
        max_length=20,
        choices=ExperienceLevel.choices,
        default=ExperienceLevel.CONFIRME,
        help_text="Expérience attendue dans le métier.",
    )
    remote = models.CharField(
        "télétravail",
        max_length=10,
        choices=RemoteWork.choices,
        default=RemoteWork.PARTIEL,
        help_text="Partiel : quelques jours par semaine. Total : le poste s'exerce entièrement à distance, depuis "
        "la France.",
    )
    city = models.CharField(
        "ville", max_length=120, help_text="La commune du lieu de travail, par exemple « Saint-Denis »."
    )
    postal_code = models.CharField(
        "code postal",
        max_length=5,
        help_text="Cinq chiffres ; le département et la région en sont déduits (Corse et outre-mer compris).",
    )
    departement_code = models.CharField("département", max_length=3, editable=False, db_index=True)
    region_code = models.CharField("région", max_length=2, editable=False, db_index=True)
    # The commune's point (jobs/data/places.csv), for "autour de" searches; empty when it is not known.
    latitude = models.FloatField("latitude", null=True, blank=True, editable=False)
    longitude = models.FloatField("longitude", null=True, blank=True, editable=False)
    salary_min = models.PositiveIntegerField(
        "salaire minimum",
        null=True,
        blank=True,
        validators=[MinValueValidator(SALARY_MIN), MaxValueValidator(SALARY_MAX)],
        help_text="En euros bruts par an, entre 15 000 et 250 000.",
    )
    salary_max = models.PositiveIntegerField(
        "salaire maximum",
        null=True,
        blank=True,
        validators=[MinValueValidator(SALARY_MIN), MaxValueValidator(SALARY_MAX)],
        help_text="En euros bruts par an. Laissez vide si le salaire est fixe.",
    )

    # Description
    missions = RichTextField(
        "missions",
        features=SECTION_FEATURES,
        help_text="Ce que la personne fera au quotidien. Les listes à puces se lisent mieux.",
    )
    team_context = RichTextField(
        "équipe et contexte",
        blank=True,
        features=SECTION_FEATURES,
        help_text="L'équipe, ses produits, ses usagers, l'environnement technique.",
    )
    profile = RichTextField(
        "profil recherché",
        blank=True,
        features=SECTION_FEATURES,
        help_text="Compétences et qualités attendues ; distinguez l'indispensable du souhaitable.",
    )
    benefits = RichTextField(
        "avantages",
        blank=True,
        features=SECTION_FEATURES,
        help_text="Télétravail, formation, restauration, transports, congés…",
    )
    process = RichTextField(
        "processus de recrutement",
        blank=True,
        features=SECTION_FEATURES,
        help_text="Les étapes et leur calendrier : entretiens, mise en situation, délai de réponse.",
    )

    # Candidature
    apply_url = models.URLField(
        "lien pour candidater",
        max_length=500,
        blank=True,
        help_text="La page où l'on candidate. Indiquez au moins un lien ou une adresse électronique.",
    )
    apply_email = models.EmailField(
        "adresse pour candidater",
        blank=True,
        help_text="Reçoit les candidatures ; l'objet du courriel reprend l'intitulé et la référence.",
    )
    deadline = models.DateField(
        "date limite de candidature",
        default=default_deadline,
        db_index=True,
        help_text="Dernier jour pour candidater, inclus ; l'offre se ferme ensuite d'elle-même. Par défaut, deux "
        "mois après la création.",
    )
    start_date = models.DateField(
        "prise de poste", null=True, blank=True, help_text="Date de prise de poste souhaitée, si elle est connue."
    )

    # Publication
    filled_at = models.DateField(
        "pourvue le",
        null=True,
        blank=True,
        help_text="Préférez l'action « Marquer comme pourvue » du menu d'enregistrement. Videz ce champ puis "
        "publiez pour rouvrir l'offre.",
    )
    source = models.CharField(
        "source", max_length=40, blank=True, help_text="Système d'origine d'une offre importée (vide si saisie ici)."
    )
    external_id = models.CharField("identifiant dans la source", max_length=100, blank=True)
    contract_mask = models.PositiveSmallIntegerField(
        "types de contrat (masque)",
        default=0,
        editable=False,
        help_text="Les types de contrat en un entier (jobs.choices.CONTRACT_BITS), tenu à jour à chaque "
        "enregistrement : la recherche les filtre et les compte sans jointure.",
    )
    import_fingerprint = models.CharField(
        "empreinte de la dernière importation",
        max_length=64,
        blank=True,
        editable=False,
        help_text="Résumé de la ligne importée : une ligne identique à la précédente ne crée pas de révision.",
    )
    quality_score = models.PositiveSmallIntegerField(
        "score de qualité",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Part des règles de qualité respectées, de 0 à 100 (jobs/quality.py), pour la dernière version "
        "enregistrée, brouillon compris.",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True, db_index=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="job_offer")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="job_offer",
        for_concrete_model=False,
    )

    objects = JobOfferQuerySet.as_manager()

    # Indexed by the search app once per change (search/signals.py), not by Wagtail on every save.
    search_auto_update = False
    # Three ranks of text (search/ranking.py): boost 3 ranks as the title, boost 2 as the core of the
    # job (missions, profile, métier), no boost as context (a passing mention, the place, the employer).
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.RelatedFields("skills", [index.SearchField("name", boost=3)]),
        index.SearchField("missions", boost=2),
        index.SearchField("profile", boost=2),
        index.RelatedFields("profession", [index.SearchField("name", boost=2)]),
        index.SearchField("team_context"),
        index.SearchField("team"),
        index.SearchField("reference"),
        index.SearchField("search_terms"),
        index.RelatedFields("institution", [index.SearchField("name"), index.SearchField("acronym")]),
        index.FilterField("institution_id"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "offre d'emploi"
        verbose_name_plural = "offres d'emploi"
        ordering = ["-first_published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~Q(external_id=""), name="unique_offer_per_source"
            )
        ]
        indexes = [models.Index(fields=["live", "deadline"], name="job_offer_open_idx")]
        permissions = [("manage_all_offers", "Peut gérer les offres de toutes les institutions")]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self):
        return reverse("jobs:offer_detail", args=[self.slug])

    @property
    def search_terms(self):
        """Where and how the job is done, in the words candidates type: the commune, its département
        and région, the contract types, remote work and experience (choices.SEARCH_WORDS)."""
        departement = geography.departements().get(self.departement_code)
        words = [self.city, departement.name if departement else "", departement.region.name if departement else ""]
        words += [SEARCH_WORDS["contrat"][code] for code in contract_codes(self.contract_mask)]
        words += [
            SEARCH_WORDS["teletravail"].get(self.remote, ""),
            SEARCH_WORDS["experience"].get(self.experience_level, ""),
        ]
        return " ".join(word for word in words if word)

    def save(self, *args, **kwargs):
        self.derive_location()
        if not self.slug or not self.first_published_at:
            self.slug = self.unique_slug()
        update_fields = kwargs.get("update_fields")
        # Saving a revision writes only `latest_revision`: the listing's score follows the latest version.
        if update_fields is None or "latest_revision" in update_fields:
            self.quality_score = self.quality().score
            if update_fields is not None:
                kwargs["update_fields"] = update_fields = {*update_fields, "quality_score"}
        if update_fields is None or "contract_types" in update_fields:
            self.derive_contract_mask()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "contract_mask"}
        # One batch for the offer and its skills and contract types (written after it by modelcluster):
        # the indexes follow the whole change once, at the end of the save.
        with transaction.atomic(), deferred_offer_indexing():
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic(), deferred_offer_indexing():
            # The batch pauses Wagtail's reference-index handlers, its delete handler included.
            ReferenceIndex.remove_for_object(self)
            ReferenceIndex.remove_references_to(self)
            return super().delete(*args, **kwargs)

    def derive_contract_mask(self):
        """From the contract types this save stores: those set in memory (a form, a revision), or else
        those already stored. A new offer whose types are written after it (the importer) keeps the
        mask it was given."""
        if self.pk is not None or "contract_types" in getattr(self, "_cluster_related_objects", {}):
            self.contract_mask = contract_mask(contract.code for contract in self.contract_types.all())

    def full_clean(self, *args, **kwargs):
        self.derive_location()
        return super().full_clean(*args, **kwargs)

    # The importer states the publication date of a row (its published_at column) before validating.
    stated_publication_date = None

    def publication_date(self):
        """When the offer is (or will be) first shown: the stated date, the scheduled go-live, the
        first publication, or today."""
        if self.stated_publication_date:
            return self.stated_publication_date
        if self.go_live_at:
            return timezone.localdate(self.go_live_at)
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return timezone.localdate()

    def clean(self):
        """The rules that involve several fields (jobs/rules.py), for every door an offer comes
        through: the admin form, the importer, and any future API."""
        super().clean()
        values = {name: getattr(self, name) for name in RULE_FIELDS}
        values["publication_date"] = self.publication_date()
        values["applies_here"] = bool(self.institution_id and self.institution.receives_applications_on_metnum)
        publication_only = publication_only_errors(values)
        errors = {
            field: ValidationError(message, code=PUBLICATION_ONLY if publication_only.get(field) == message else None)
            for field, message in offer_errors(values).items()
        }
        if errors:
            raise ValidationError(errors)

    def derive_location(self):
        departement = geography.departement_for_postal_code(self.postal_code)
        self.departement_code = departement.code if departement else ""
        self.region_code = departement.region.code if departement else ""
        place = geography.place_of(self.city, self.region_code) if departement else None
        self.latitude, self.longitude = (place.latitude, place.longitude) if place else (None, None)

    def base_slug(self):
        return slug_base(self.title, self._meta.get_field("slug").max_length, "offre")

    def unique_slug(self, reserved=()):
        """The title's slug, or the first free "<slug>-2", "<slug>-3"… (`reserved`: slugs of offers
        about to be created with this one)."""
        max_length = self._meta.get_field("slug").max_length
        others = JobOffer.objects.exclude(pk=self.pk)
        return unique_slug(others, self.title, max_length=max_length, fallback="offre", reserved=reserved)

    @classmethod
    def assign_unique_slugs(cls, offers, first_free=None):
        """`unique_slug` for new offers created together: one query per distinct title in the usual
        case. `first_free` ({base slug: number}), kept between calls by a caller that creates offers
        in successive batches, skips the numbers already known to be taken."""
        first_free = {} if first_free is None else first_free
        namesakes = {}
        for offer in offers:
            namesakes.setdefault(offer.base_slug(), []).append(offer)
        for base, group in namesakes.items():
            first, size, free = first_free.get(base, 1), max(20, 2 * len(group)), []
            while len(free) < len(group):
                numbers = range(first, first + size)
                candidates = {number: numbered(base, number, 1)[0] for number in numbers}
                taken = set(cls.objects.filter(slug__in=candidates.values()).values_list("slug", flat=True))
                free += [(number, slug) for number, slug in candidates.items() if slug not in taken]
                first, size = first + size, size * 10
            for offer, (_, slug) in zip(group, free, strict=False):
                offer.slug = slug
            first_free[base] = free[len(group) - 1][0] + 1

    # Derived facts shown to candidates and editors.

    @property
    def departement(self):
        return geography.departements().get(self.departement_code)

    @property
    def region(self):
        return geography.regions().get(self.region_code)

    @property
    def is_filled(self):
        return self.filled_at is not None

    def is_open(self, today=None):
        return JobOffer.objects.open(today=today).filter(pk=self.pk).exists() if self.pk else False

    @property
    def status(self):
        """The OfferStatus, from the `with_status()` annotation when the queryset has it."""
        code = getattr(self, "status_code", None)
        if code is None:
            code = JobOffer.objects.with_status().filter(pk=self.pk).values_list("status_code", flat=True).first()
        return OfferStatus(code or OfferStatus.DRAFT)

    @property
    def deadline_end(self):
        """The last instant of the deadline day, Paris time."""
        end_of_day = datetime.datetime.combine(self.deadline, datetime.time(23, 59, 59))
        return timezone.make_aware(end_of_day)

    @property
    def salary_range(self):
        return (self.salary_min, self.salary_max) if self.salary_min or self.salary_max else None

    def quality(self, skills=None, acronyms=None):
        """The quality checks of the offer as it is in memory (jobs/quality.py); `skills`: names, when
        the offer's are not stored yet; `acronyms`: internal_acronyms(), when already read."""
        values = quality.offer_values(self, skills)
        return quality.evaluate(values, self.publication_date(), internal_acronyms() if acronyms is None else acronyms)

    def get_preview_template(self, request, mode_name):
        return "jobs/offer_detail.html"

    def get_preview_context(self, request, mode_name):
        """The public page's context, for the offer as edited (maybe unsaved, maybe incomplete)."""
        context = super().get_preview_context(request, mode_name)
        similar = list(JobOffer.objects.for_listing().similar_to(self))
        context.update(OfferPage(self, request, is_open=False, similar=similar, is_preview=True).context())
        return context
