"""The offer search in the admin, for the editorial team: the synonyms (search.SynonymGroup). The
searches without results are counted and reported by the impact app."""

from wagtail.snippets.models import register_snippet

from metnum_site.snippets import SnippetViewSet

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
