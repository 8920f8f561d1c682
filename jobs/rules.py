"""Cross-field rules of a job offer. JobOffer.clean() applies them, so an offer is judged the same
way whichever door it comes through (admin form, importer).

Some rules only matter to candidates, hence only when publishing: their errors carry the code
PUBLICATION_ONLY, and the admin form drops them when an editor saves a draft (drafts may stay
incomplete). Every other door (the importer publishes) keeps them."""

from .geography import departement_for_postal_code

SALARY_MIN = 15_000
SALARY_MAX = 250_000
# The code of the errors that only block a publication, not a draft.
PUBLICATION_ONLY = "publication_only"
# The offer fields the rules read (besides the publication date, which JobOffer deduces).
RULE_FIELDS = ("salary_min", "salary_max", "apply_url", "apply_email", "deadline", "postal_code")


def offer_errors(values):
    """{field name: French message} for the rules that involve several fields of `values`, the
    publication-only ones included (see publication_only_errors)."""
    errors = {}
    salary_min, salary_max = values.get("salary_min"), values.get("salary_max")
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        errors["salary_max"] = "Le salaire maximum doit être supérieur ou égal au salaire minimum."
    errors.update(publication_only_errors(values))
    deadline, published = values.get("deadline"), values.get("publication_date")
    if deadline and published and deadline < published:
        errors["deadline"] = (
            f"La date limite de candidature ({deadline:%d/%m/%Y}) doit suivre la date de publication "
            f"({published:%d/%m/%Y})."
        )
    postal_code = values.get("postal_code")
    if postal_code and departement_for_postal_code(postal_code) is None:
        errors["postal_code"] = (
            f"Le code postal « {postal_code} » ne correspond à aucun département français. "
            "Saisissez cinq chiffres, par exemple 75007 ou 97400."
        )
    return errors


def publication_only_errors(values):
    """{field name: French message} for the rules that only block a publication: a draft may wait
    for its application address. An institution that receives its applications on this site
    (`applies_here`) needs none."""
    if not values.get("apply_url") and not values.get("apply_email") and not values.get("applies_here"):
        return {
            "apply_url": "Pour publier, indiquez une adresse de candidature : un lien, une adresse électronique, "
            "ou les deux."
        }
    return {}
