"""Who sees what of the applications and of the talent pool: the one definition every recruiting view asks.

A recruiter holds candidates.recruit and edits an institution (jobs.permissions.user_institution_ids):
they see that institution's applications, CVs and notes, and the talent pool as that institution
sees it. Holding the permission while managing every offer (superusers, an editorial team granted it)
covers every institution. The editorial team without it sees counts only; an institution's editor
without it sees nothing of the applications."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from candidates.models import RECRUIT_PERMISSION, Application, Candidate
from jobs.models import Institution
from jobs.permissions import manages_all_offers, user_institution_ids


def recruiting_institution_ids(user):
    """The ids of the institutions `user` recruits for, None for every one, or an empty set."""
    if not user.is_authenticated or not user.is_active or not user.has_perm(RECRUIT_PERMISSION):
        return frozenset()
    return user_institution_ids(user)


def is_recruiter(user):
    return recruiting_institution_ids(user) != frozenset()


def sees_counts_only(user):
    return not is_recruiter(user) and manages_all_offers(user)


def recruiting_institutions(user):
    ids = recruiting_institution_ids(user)
    institutions = Institution.objects.all() if ids is None else Institution.objects.filter(pk__in=ids)
    return institutions.order_by("name")


def visible_applications(user):
    """The applications whose letter, CV and notes `user` may read."""
    ids = recruiting_institution_ids(user)
    applications = Application.objects.all()
    return applications if ids is None else applications.filter(offer__institution_id__in=ids)


def application_for(user, application_id):
    """The application `user` may read, 404 otherwise (as for a missing one: no hint it exists)."""
    application = (
        visible_applications(user)
        .select_related("candidate", "offer", "offer__institution")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Http404("Aucune candidature de ce numéro parmi celles que vous traitez.")
    return application


def pool_for(institution):
    """The talent pool as `institution` sees it: opted-in candidates who do not hide from it."""
    return Candidate.objects.visible_to_institution(institution)


def require_recruiter(user):
    if not is_recruiter(user):
        raise PermissionDenied
