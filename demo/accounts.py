"""The demo accounts that `create_dev_users` (make run) and the browser tests set up: an editor of
DINUM (one of the demo employers with the most offers), a recruiter of DINUM (its applications and
the talent pool) and a member of the editorial team."""

from editorial.spaces import create_institution_space, ensure_editorial_team
from jobs.models import Institution
from recruiting.groups import ensure_recruiters_group

MINISTRY_EDITOR = "editeur-dinum"
MINISTRY_EDITOR_INSTITUTION = "dinum"
COMMS_EDITOR = "equipe-editoriale"
RECRUITER = "recruteur-dinum"


def _ministry_group():
    institution = Institution.objects.get(slug=MINISTRY_EDITOR_INSTITUTION)
    return create_institution_space(institution.name, acronym=institution.acronym).group


def setup_ministry_editor(user):
    """Make `user` an editor of the demo DINUM, and nothing else."""
    _only_in_group(user, _ministry_group())


def setup_recruiter(user):
    """Make `user` a recruiter of the demo DINUM (its editors' group and « Recrutement »), and nothing else."""
    _only_in_group(user, _ministry_group(), ensure_recruiters_group())


def setup_comms_editor(user):
    """Make `user` a member of the editorial team, and nothing else."""
    team, _ = ensure_editorial_team()
    _only_in_group(user, team)


def _only_in_group(user, *groups):
    user.is_superuser = user.is_staff = False
    user.save()
    user.groups.set(groups)
