"""The demo accounts that `create_dev_users` (make run) and the browser tests set up: an editor of
DINUM (one of the demo employers with the most offers) and a member of the editorial team."""

from editorial.spaces import create_institution_space, ensure_editorial_team
from jobs.models import Institution

MINISTRY_EDITOR = "editeur-dinum"
MINISTRY_EDITOR_INSTITUTION = "dinum"
COMMS_EDITOR = "equipe-editoriale"


def setup_ministry_editor(user):
    """Make `user` an editor of the demo DINUM, and nothing else."""
    institution = Institution.objects.get(slug=MINISTRY_EDITOR_INSTITUTION)
    space = create_institution_space(institution.name, acronym=institution.acronym)
    _only_in_group(user, space.group)


def setup_comms_editor(user):
    """Make `user` a member of the editorial team, and nothing else."""
    team, _ = ensure_editorial_team()
    _only_in_group(user, team)


def _only_in_group(user, group):
    user.is_superuser = user.is_staff = False
    user.save()
    user.groups.set([group])
