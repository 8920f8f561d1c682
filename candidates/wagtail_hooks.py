"""The refusal reasons, a list the editorial team edits (Fragments → « Motifs de refus »)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RefusalReason


class RefusalReasonViewSet(SnippetViewSet):
    model = RefusalReason
    icon = "list-ul"
    menu_label = "Motifs de refus"
    list_display = ["label", "active", "position"]
    list_filter = ["active"]
    ordering = ["position", "label"]


register_snippet(RefusalReasonViewSet)
