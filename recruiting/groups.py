"""The « Recrutement » group: membership grants candidates.recruit. A recruiter is a member of it and of
the editors' group of the institution they recruit for (access.py), and of no other institution's."""

from django.contrib.auth.models import Group, Permission

RECRUITERS_GROUP = "Recrutement"


def ensure_recruiters_group():
    group, _ = Group.objects.get_or_create(name=RECRUITERS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="candidates", codename="recruit"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return group
