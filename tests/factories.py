"""Factories shared by the test suites. Offers are created as drafts unless `published=True`,
which publishes them through Wagtail's revision machinery like an editor would."""

import datetime

import factory
from django.utils import timezone

from jobs.models import ContractType, Institution, JobOffer, Profession


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ministère numéro {n}")
    acronym = factory.Sequence(lambda n: f"MIN{n}")
    slug = factory.Sequence(lambda n: f"ministere-{n}")
    kind = "ministere"
    website = "https://www.example.gouv.fr"
    description = "Un ministère de test."


def profession(slug="developpement"):
    """Professions are seeded by a migration: fetch one rather than creating it."""
    return Profession.objects.get(slug=slug)


class JobOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobOffer
        skip_postgeneration_save = True

    live = False  # a draft, as the admin creates it; DraftStateMixin defaults to live
    title = factory.Sequence(lambda n: f"Développeuse ou développeur Python {n}")
    reference = factory.Sequence(lambda n: f"REF-{n:05d}")
    institution = factory.SubFactory(InstitutionFactory)
    profession = factory.LazyFunction(profession)
    category = "a"
    experience_level = "confirme"
    remote = "partiel"
    city = "Paris"
    postal_code = "75007"
    missions = "<p>Développer des services publics numériques utiles.</p>"
    profile = "<p>Vous aimez le code propre et les tests.</p>"
    apply_url = "https://candidature.example.gouv.fr/offre"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @factory.post_generation
    def contract_codes(obj, create, extracted, **kwargs):
        codes = extracted or ("titulaire_ou_contractuel",)
        obj.contract_types.set(ContractType.objects.filter(code__in=codes))

    @factory.post_generation
    def skill_names(obj, create, extracted, **kwargs):
        if extracted:
            obj.skills.set(list(extracted))

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        """Saves the cluster relations set above, then publishes when asked (published=True)."""
        if not create:
            return
        obj.save()
        if extracted:
            if obj.first_published_at is None and obj.deadline < timezone.localdate():
                # An offer whose deadline has passed was published before it, as JobOffer.clean() requires.
                published_on = obj.deadline - datetime.timedelta(days=30)
                obj.first_published_at = timezone.make_aware(datetime.datetime.combine(published_on, datetime.time()))
            obj.save_revision().publish()
            obj.refresh_from_db()
