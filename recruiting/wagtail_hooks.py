"""The « Candidatures » menu (applications, talent pool), its admin URLs and the recruiter's dashboard
panel, and the decision emails' templates (Fragments → « Modèles d'e-mails de décision »)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from metnum_site.snippets import SnippetViewSet

from . import access, views
from .dashboard import ApplicationsToProcessPanel
from .models import DecisionEmailTemplate


@hooks.register("register_admin_urls")
def recruiting_urls():
    return [
        path("candidatures/", views.IndexView.as_view(), name="recruiting_index"),
        path("candidatures/<int:application_id>/", views.ApplicationView.as_view(), name="recruiting_application"),
        path("candidatures/<int:application_id>/notes/", views.NoteView.as_view(), name="recruiting_application_note"),
        path("candidatures/<int:application_id>/cv/", views.download_cv, name="recruiting_cv"),
        path("candidatures/vivier/", views.PoolView.as_view(), name="recruiting_pool"),
        path(
            "candidatures/vivier/<int:candidate_id>/",
            views.PoolCandidateView.as_view(),
            name="recruiting_pool_candidate",
        ),
    ]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_recruiter(request.user) or access.sees_counts_only(request.user)


class PoolMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_recruiter(request.user)


class RecruitingMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return access.is_recruiter(request.user) or access.sees_counts_only(request.user)


@hooks.register("register_admin_menu_item")
def recruiting_menu_item():
    menu = Menu(
        items=[
            ApplicationsMenuItem("Candidatures reçues", reverse("recruiting_index"), icon_name="user", order=100),
            PoolMenuItem("Vivier de talents", reverse("recruiting_pool"), icon_name="group", order=200),
        ]
    )
    return RecruitingMenuItem("Candidatures", menu, icon_name="user", order=250)


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    if access.is_recruiter(request.user):
        panels.append(ApplicationsToProcessPanel(request.user))


class DecisionEmailTemplateViewSet(SnippetViewSet):
    model = DecisionEmailTemplate
    icon = "mail"
    menu_label = "Modèles d'e-mails de décision"
    # Its own entry beside « Motifs de refus », rather than the generic « Fragments » menu.
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["decision", "subject"]


register_snippet(DecisionEmailTemplateViewSet)
