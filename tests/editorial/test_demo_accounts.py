"""The demo accounts that `make run` prints: a DINUM editor and a member of the editorial team."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.institutions import ensure_institutions
from demo.management.commands import create_dev_users
from editorial.spaces import EDITORIAL_TEAM
from jobs.permissions import user_institutions

from .pages import home_page

pytestmark = pytest.mark.django_db


def test_make_run_sets_up_and_prints_the_demo_editors(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr(create_dev_users, "CREDENTIALS_FILE", tmp_path / "dev-credentials.json")
    home_page()
    ensure_institutions(with_logos=False)
    output = io.StringIO()

    call_command("create_dev_users", stdout=output)
    call_command("create_dev_users", stdout=io.StringIO())  # again: same accounts, same groups

    users = get_user_model().objects
    editor, team = users.get(username="editeur-dinum"), users.get(username="equipe-editoriale")
    assert "editeur-dinum" in output.getvalue() and "equipe-editoriale" in output.getvalue()
    assert not editor.is_superuser and not team.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["DINUM — éditeurs"]
    assert [institution.slug for institution in user_institutions(editor)] == ["dinum"]
    assert list(team.groups.values_list("name", flat=True)) == [EDITORIAL_TEAM]
