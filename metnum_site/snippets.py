"""The base of every snippet viewset of the project.

Wagtail gives each snippet a chooser with a "create" view, which answers a server error when the
chooser has no creation form (ours have none: a snippet is created in its full form, with its
panels, validation and permissions). That view answers 404 here instead;
tests/metnum_site/test_snippet_choosers.py requests it for every snippet of the URLconf."""

from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet


class NoChooserCreateView(SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        raise Http404("Création depuis le formulaire complet uniquement.")


class FullFormOnlyChooserViewSet(SnippetChooserViewSet):
    create_view_class = NoChooserCreateView


class SnippetViewSet(WagtailSnippetViewSet):
    chooser_viewset_class = FullFormOnlyChooserViewSet
