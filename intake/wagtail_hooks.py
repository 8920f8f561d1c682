"""Admin: « Collecte des offres » menu with the digital-job rules and the employers to map."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DigitalRule, SourceEmployer


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
    form_fields = ["institution"]


class IntakeViewSetGroup(SnippetViewSetGroup):
    items = (DigitalRuleViewSet, SourceEmployerViewSet)
    menu_icon = "download"
    menu_label = "Collecte des offres"
    menu_name = "collecte"


register_snippet(IntakeViewSetGroup)
