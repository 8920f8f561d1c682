"""insert_rows writes what bulk_create would (defaults, foreign keys, JSON), and skips duplicates
only when asked."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from jobs.bulk import insert_rows
from jobs.models import Institution, Skill

pytestmark = pytest.mark.django_db


def test_rows_are_stored_with_their_foreign_keys_defaults_and_json():
    content_type = ContentType.objects.get_for_model(Institution)
    now = timezone.now()

    insert_rows(
        ModelLogEntry,
        (
            ModelLogEntry(
                content_type=content_type,
                object_id=str(number),
                label=f"Entrée {number}",
                action="wagtail.edit",
                timestamp=now,
                data={"champ": ["é", number]},
            )
            for number in range(3)
        ),
    )

    entries = ModelLogEntry.objects.filter(action="wagtail.edit").order_by("object_id")
    assert [(entry.label, entry.content_type, entry.data) for entry in entries] == [
        (f"Entrée {number}", content_type, {"champ": ["é", number]}) for number in range(3)
    ]
    assert [entry.timestamp for entry in entries] == [now] * 3
    assert not any(entry.content_changed or entry.deleted for entry in entries)  # model defaults


def test_duplicates_fail_unless_ignored_and_the_existing_row_is_kept():
    insert_rows(Skill, [Skill(name="Python", slug="python")])

    insert_rows(Skill, [Skill(name="Python", slug="python-2"), Skill(name="Rust", slug="rust")], ignore_conflicts=True)
    assert sorted(Skill.objects.values_list("name", "slug")) == [("Python", "python"), ("Rust", "rust")]

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Skill, [Skill(name="Python", slug="python-3")])
    assert Skill.objects.count() == 2


def test_nothing_to_insert_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows(Skill, [])
