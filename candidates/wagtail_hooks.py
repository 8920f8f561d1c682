"""The refusal reasons, a list the editorial team edits (menu « Motifs de refus »; who may edit it is
given by the groups' snippet permissions on « motif de refus »)."""

from wagtail.snippets.models import register_snippet

from metnum_site.snippets import SnippetViewSet

from .models import RefusalReason


class RefusalReasonViewSet(SnippetViewSet):
    model = RefusalReason
    icon = "list-ul"
    menu_label = "Motifs de refus"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["label", "active", "position"]
    list_filter = ["active"]
    ordering = ["position", "label"]


register_snippet(RefusalReasonViewSet)
