"""The demo recruiter that `make run` prints (create_dev_users) recruits for the demo DINUM only."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.institutions import ensure_institutions
from demo.management.commands import create_dev_users
from recruiting.access import recruiting_institutions, sees_counts_only
from tests.editorial.pages import home_page

pytestmark = pytest.mark.django_db


def test_make_run_sets_up_a_dinum_recruiter(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr(create_dev_users, "CREDENTIALS_FILE", tmp_path / "dev-credentials.json")
    home_page()
    ensure_institutions(with_logos=False)
    output = io.StringIO()

    call_command("create_dev_users", stdout=output)
    call_command("create_dev_users", stdout=io.StringIO())  # again: same account, same groups

    users = get_user_model().objects
    recruiter, editor, team = (
        users.get(username=name) for name in ("recruteur-dinum", "editeur-dinum", "equipe-editoriale")
    )
    assert "recruteur-dinum" in output.getvalue()
    assert [institution.slug for institution in recruiting_institutions(recruiter)] == ["dinum"]
    assert not recruiting_institutions(editor).exists()
    assert sees_counts_only(team) and not recruiting_institutions(team).exists()
