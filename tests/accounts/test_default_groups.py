"""Wagtail's default groups, which had rights over the whole page tree, are gone."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowPage

pytestmark = pytest.mark.django_db


def test_no_editors_or_moderators_group_is_left():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_the_default_moderation_workflow_no_longer_applies_to_the_site():
    assert not WorkflowPage.objects.filter(workflow__name="Moderators approval").exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_after_the_demo_the_only_groups_are_institution_spaces_and_the_editorial_team(demo_site):
    from jobs.models import Institution

    space_groups = set(Institution.objects.values_list("editor_groups__name", flat=True))
    assert set(Group.objects.values_list("name", flat=True)) <= space_groups | {"Équipe éditoriale"}
