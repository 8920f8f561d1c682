"""The admin dashboard panel of a recruiter: the applications waiting for them (access.py decides which)."""

from wagtail.admin.ui.components import Component

from candidates.models import ApplicationStatus

from . import access

PANEL_LENGTH = 5


class ApplicationsToProcessPanel(Component):
    name = "applications_to_process"
    template_name = "recruiting/admin/dashboard_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        waiting = access.visible_applications(self.user).filter(status=ApplicationStatus.TO_PROCESS)
        context["applications"] = list(
            waiting.select_related("candidate", "offer", "offer__institution").order_by("submitted_at", "pk")[
                :PANEL_LENGTH
            ]
        )
        context["count"] = waiting.count()
        return context
