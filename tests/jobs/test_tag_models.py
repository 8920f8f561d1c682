"""Skills and editorial themes live in two tag models; the migration that split them keeps every
tag an offer, a story or a guide used, with its links."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from editorial.models import GuidePageTag, StoryPageTag, Theme
from jobs.models import JobOfferSkill, Skill

BEFORE = [("jobs", "0005_joboffer_contract_mask"), ("editorial", "0002_employer_story_and_guide_pages")]
AFTER = [("jobs", "0006_skill_tag_model"), ("editorial", "0003_theme_tag_model")]


def test_skills_and_themes_are_separate_tag_models():
    assert JobOfferSkill._meta.get_field("tag").related_model is Skill
    assert StoryPageTag._meta.get_field("tag").related_model is Theme
    assert GuidePageTag._meta.get_field("tag").related_model is Theme


@pytest.fixture
def database_outside_transactions(django_db_setup, django_db_blocker):
    """Migrations cannot run inside the test's transaction on SQLite, and a transactional test ends by
    emptying every table, taking away what the migrations wrote (the root page…) from the tests that
    follow. This test works on the database directly and removes what it wrote."""
    with django_db_blocker.unblock():
        yield
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        from django.apps import apps

        apps.get_model("jobs", "JobOffer").objects.filter(slug="data-engineer").delete()
        apps.get_model("jobs", "Institution").objects.filter(slug="essai").delete()
        apps.get_model("taggit", "Tag").objects.filter(slug__in=["python", "donnees"]).delete()
        apps.get_model("jobs", "Skill").objects.filter(slug__in=["python", "donnees"]).delete()


def test_the_split_keeps_every_tag_and_its_use(database_outside_transactions):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Tag = old.get_model("taggit", "Tag")
    institution = old.get_model("jobs", "Institution").objects.create(name="Ministère d'essai", slug="essai")
    offer = old.get_model("jobs", "JobOffer").objects.create(
        title="Data engineer", slug="data-engineer", institution=institution, city="Paris", postal_code="75007",
        missions="<p>Des données.</p>", deadline="2030-01-01", apply_url="https://example.gouv.fr",
    )  # fmt: skip
    python, shared = (
        Tag.objects.create(name="Python", slug="python"),
        Tag.objects.create(name="Données", slug="donnees"),
    )
    old.get_model("jobs", "JobOfferSkill").objects.create(content_object=offer, tag=python)
    old.get_model("jobs", "JobOfferSkill").objects.create(content_object=offer, tag=shared)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    skills = new.get_model("jobs", "JobOfferSkill").objects.filter(content_object_id=offer.pk)
    assert sorted(skills.values_list("tag__name", flat=True)) == ["Données", "Python"]
    assert set(new.get_model("jobs", "Skill").objects.values_list("id", "slug")) == {
        (python.id, "python"),
        (shared.id, "donnees"),
    }

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)  # and back: the links point to taggit's tags again
    old = executor.loader.project_state(BEFORE).apps
    links = old.get_model("jobs", "JobOfferSkill").objects.filter(content_object_id=offer.pk)
    assert sorted(links.values_list("tag__name", flat=True)) == ["Données", "Python"]
