"""Admin: « Collecte des offres » menu with the digital-job rules and the employers to map."""

from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from metnum_site.snippets import SnippetViewSet

from .models import DigitalRule, IntakeRun, SourceEmployer, SourceLink


class DigitalRuleViewSet(SnippetViewSet):
    model = DigitalRule
    icon = "tick"
    menu_label = "Filtre numérique"
    list_display = ["pattern", "field", "decision", "active", "note"]
    list_filter = ["field", "decision", "active"]
    search_fields = ["pattern", "note"]


class SourceEmployerViewSet(SnippetViewSet):
    model = SourceEmployer
    icon = "group"
    menu_label = "Employeurs à rattacher"
    list_display = ["name", "source", "records", "institution", "last_seen"]
    list_filter = ["source"]
    search_fields = ["name"]
    # The source's name and counts are the collection's: the comms team only chooses the institution.
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("source", read_only=True),
        FieldPanel("records", read_only=True),
        FieldPanel("institution"),
    ]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The runs are written by the collection only: whoever may see them cannot add, edit or delete."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "publish", "lock", "unlock"}:
            return False
        return super().user_has_permission(user, action)


# Before the viewsets register, like jobs.wagtail_hooks does for the offers.
register_permission_policy(IntakeRun, ReadOnlyPolicy(IntakeRun))
register_permission_policy(SourceLink, ReadOnlyPolicy(SourceLink))


class IntakeRunViewSet(SnippetViewSet):
    model = IntakeRun
    icon = "history"
    menu_label = "Collectes"
    list_display = [
        "__str__",
        "status",
        "kept",
        "dropped",
        "set_aside",
        "duplicates",
        "created",
        "updated",
        "rejected",
        "closed",
    ]
    list_filter = ["kind", "status"]
    inspect_view_enabled = True


class SourceLinkViewSet(SnippetViewSet):
    model = SourceLink
    icon = "link"
    menu_label = "Offres vues ailleurs"
    list_display = ["__str__", "offer", "url", "matched_by", "last_seen"]
    list_filter = ["source"]
    search_fields = ["external_id"]
    inspect_view_enabled = True


class IntakeViewSetGroup(SnippetViewSetGroup):
    items = (IntakeRunViewSet, DigitalRuleViewSet, SourceEmployerViewSet, SourceLinkViewSet)
    menu_icon = "download"
    menu_label = "Collecte des offres"
    menu_name = "collecte"


register_snippet(IntakeViewSetGroup)
