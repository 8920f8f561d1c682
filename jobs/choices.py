"""Codes of the offer taxonomies. The codes are part of the public URL contract (search filters,
import files): never rename one."""

from django.db import models


class ContractTypeCode(models.TextChoices):
    TITULAIRE_OU_CONTRACTUEL = "titulaire_ou_contractuel", "Fonctionnaire ou contractuel"
    CONTRACTUEL = "contractuel", "Contractuel uniquement"
    APPRENTISSAGE = "apprentissage", "Apprentissage"
    STAGE = "stage", "Stage"
    FREELANCE = "freelance", "Freelance"
    VOLONTARIAT = "volontariat", "Volontariat"


# One bit per contract type in JobOffer.contract_mask, so that search can filter and count contract
# types without joining the many-to-many table. A bit's meaning is stored: append new codes, never reorder.
CONTRACT_BITS = {code: 1 << position for position, code in enumerate(ContractTypeCode.values)}


def contract_mask(codes):
    mask = 0
    for code in codes:
        mask |= CONTRACT_BITS[code]
    return mask


def contract_codes(mask):
    return [code for code, bit in CONTRACT_BITS.items() if mask & bit]


class Category(models.TextChoices):
    A_PLUS = "aplus", "Catégorie A+"
    A = "a", "Catégorie A"
    B = "b", "Catégorie B"
    C = "c", "Catégorie C"


class Versant(models.TextChoices):
    """The three branches of the French civil service; an offer outside them leaves it blank."""

    ETAT = "etat", "Fonction publique de l'État"
    TERRITORIALE = "territoriale", "Fonction publique territoriale"
    HOSPITALIERE = "hospitaliere", "Fonction publique hospitalière"


class ExperienceLevel(models.TextChoices):
    DEBUTANT = "debutant", "Débutant accepté (0 à 2 ans)"
    CONFIRME = "confirme", "Confirmé (3 à 5 ans)"
    SENIOR = "senior", "Senior (6 à 10 ans)"
    EXPERT = "expert", "Expert (plus de 10 ans)"


class RemoteWork(models.TextChoices):
    AUCUN = "aucun", "Pas de télétravail"
    PARTIEL = "partiel", "Télétravail partiel"
    TOTAL = "total", "Télétravail total"


# The words a candidate types for a code, where the label alone would miss them or mislead ("Pas de
# télétravail" holds "télétravail"): indexed with the offer as context text (JobOffer.search_terms).
SEARCH_WORDS = {
    "contrat": {
        ContractTypeCode.TITULAIRE_OU_CONTRACTUEL: "fonctionnaire titulaire contractuel",
        ContractTypeCode.CONTRACTUEL: "contractuel",
        ContractTypeCode.APPRENTISSAGE: "apprentissage alternance",
        ContractTypeCode.STAGE: "stage",
        ContractTypeCode.FREELANCE: "freelance",
        ContractTypeCode.VOLONTARIAT: "volontariat",
    },
    "experience": {
        ExperienceLevel.DEBUTANT: "débutant",
        ExperienceLevel.CONFIRME: "confirmé",
        ExperienceLevel.SENIOR: "senior",
        ExperienceLevel.EXPERT: "expert",
    },
    "teletravail": {
        RemoteWork.AUCUN: "",
        RemoteWork.PARTIEL: "télétravail partiel",
        RemoteWork.TOTAL: "télétravail total à distance",
    },
}


class InstitutionKind(models.TextChoices):
    MINISTERE = "ministere", "Ministère"
    ETABLISSEMENT_PUBLIC = "etablissement_public", "Établissement public"
    AUTORITE_INDEPENDANTE = "autorite_independante", "Autorité administrative indépendante"
    JURIDICTION = "juridiction", "Juridiction"
    SERVICE_COMPETENCE_NATIONALE = "service_competence_nationale", "Service à compétence nationale"
    AUTRE = "autre", "Autre"


class OfferStatus(models.TextChoices):
    """What an editor sees in the listing; derived from the publication fields, never stored."""

    DRAFT = "brouillon", "Brouillon"
    SCHEDULED = "programmee", "Programmée"
    LIVE = "en_ligne", "En ligne"
    EXPIRED = "expiree", "Expirée"
    FILLED = "pourvue", "Pourvue"
