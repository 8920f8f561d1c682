"""The synonyms of the offer search in the admin, for the editorial team (search.SynonymGroup)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = "Synonymes"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["terms", "updated_at"]
    list_per_page = 100


register_snippet(SynonymGroupViewSet)
