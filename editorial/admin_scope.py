"""What part of the shared admin a user may see: the one definition that the scoped admin views
(admin_views.py) and the hooks (wagtail_hooks.py) ask.

Superusers and the editorial team see every institution's work. A ministry's editor sees its own
space (its employer page, its collection, its offers) and, of the rest, only what the public
sees: live pages without unpublished changes. Wagtail's stock views filter by model permission,
which every ministry shares; these functions add the per-institution fence on top."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry

from jobs.models import JobOffer
from jobs.permissions import manages_all_offers, permitted_offers

MEDIA_ACTIONS = ["change", "choose", "delete"]


def sees_every_institution(user):
    """Superusers and the editorial team (who manage every offer) are not fenced in."""
    return manages_all_offers(user)


def visible_pages(user):
    """The pages `user` may see in choosers, listings and confirmations: all of them for the editorial
    team; otherwise the pages they may explore (their own and the pages above them) plus the pages
    exactly as published."""
    if sees_every_institution(user):
        return Page.objects.all()
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return Page.objects.filter(Q(pk__in=explorable.values("pk")) | Q(live=True, has_unpublished_changes=False))


def visible_media(user, model):
    """The images or documents (`model`) of the collections `user` works in."""
    queryset = model.objects.all()
    if sees_every_institution(user):
        return queryset
    policy = policy_registry.get_by_type(model)
    return queryset.filter(pk__in=policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS).values("pk"))


def visible_instances(user, model):
    """The instances of `model` that `user` may see, or None when this module does not fence `model`
    (Wagtail's model permissions then decide alone)."""
    if issubclass(model, Page):
        return visible_pages(user).type(model)
    if model is JobOffer:
        return permitted_offers(user)
    if model in (get_image_model(), get_document_model()):
        return visible_media(user, model)
    return None


def _as_text(queryset):
    """The primary keys of `queryset` as text, to compare with a log entry's object_id."""
    return queryset.annotate(object_key=Cast("pk", CharField())).values("object_key")


def visible_log_entries(user, queryset):
    """`queryset` (model log entries, or page log entries which Wagtail already limits to the pages the
    user may explore) narrowed to the entries about objects `user` may see. Entries about fenced
    models whose object is gone are hidden: their institution is no longer known."""
    if sees_every_institution(user) or queryset.model is PageLogEntry:
        return queryset
    fenced = Q()
    allowed = Q()
    for model in (JobOffer, get_image_model(), get_document_model()):
        content_type = ContentType.objects.get_for_model(model)
        fenced |= Q(content_type=content_type)
        allowed |= Q(content_type=content_type, object_id__in=_as_text(visible_instances(user, model)))
    return queryset.filter(~fenced | allowed)
