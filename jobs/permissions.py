"""Who may do what to which offer: each institution's editors handle its offers and no other.

An institution is linked to the groups of its editors (`Institution.editor_groups`). A user
"manages all offers" when superuser or granted `jobs.manage_all_offers` (the editorial team);
anyone else only reaches the offers of the institutions of their groups, whatever their model-level
permissions on JobOffer say. Registered as JobOffer's permission policy in wagtail_hooks.py, so
Wagtail's views, buttons, bulk actions and our own views all ask it."""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Institution, JobOffer

MANAGE_ALL_OFFERS = "jobs.manage_all_offers"


def manages_all_offers(user):
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_ALL_OFFERS))


def user_institution_ids(user):
    """The ids of the institutions whose offers `user` may handle, or None when they manage every
    offer (the editorial team); computed once per user object, so once per request."""
    if manages_all_offers(user):
        return None
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_jobs_institution_ids"):
        user._jobs_institution_ids = frozenset(
            Institution.objects.filter(editor_groups__user=user).values_list("pk", flat=True)
        )
    return user._jobs_institution_ids


def user_institutions(user):
    """The institutions whose offers `user` may handle (all of them for the editorial team)."""
    ids = user_institution_ids(user)
    return Institution.objects.all() if ids is None else Institution.objects.filter(pk__in=ids)


class JobOfferPermissionPolicy(ModelPermissionPolicy):
    """Model-level permissions (Django's), narrowed to the offers of the user's institutions."""

    def __init__(self):
        super().__init__(JobOffer)

    def user_has_permission(self, user, action):
        # Creating an offer needs an institution to create it for.
        if action == "add" and super().user_has_permission(user, action):
            return user_institution_ids(user) != frozenset()
        return super().user_has_permission(user, action)

    def _instance_allowed(self, user, instance):
        ids = user_institution_ids(user)
        return ids is None or instance.institution_id in ids

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._instance_allowed(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._instance_allowed(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return permitted_offers(user, super().instances_user_has_any_permission_for(user, actions))

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="manage_all_offers", groups__permissions__content_type__app_label="jobs")
            | Q(user_permissions__codename="manage_all_offers", user_permissions__content_type__app_label="jobs")
            | Q(groups__institutions=instance.institution_id)
        ).distinct()


job_offer_permission_policy = JobOfferPermissionPolicy()


def permitted_offers(user, queryset=None):
    """`queryset` (all offers by default) narrowed to the offers `user` may see in the admin."""
    queryset = JobOffer.objects.all() if queryset is None else queryset
    ids = user_institution_ids(user)
    return queryset if ids is None else queryset.filter(institution_id__in=ids)
