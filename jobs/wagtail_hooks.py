from django import forms
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import JobOfferForm
from .models import Institution, JobOffer, Profession


class JobOfferViewSet(SnippetViewSet):
    model = JobOffer
    icon = "doc-full"
    menu_label = "Offres"
    menu_name = "offres"
    list_display = ["title", "institution", "deadline", "updated_at"]
    search_fields = ["title", "reference"]
    copy_view_enabled = True

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("reference"),
                    FieldPanel("institution"),
                    FieldPanel("team"),
                    FieldPanel("profession"),
                    FieldPanel("skills"),
                ],
                heading="Poste",
            ),
            ObjectList(
                [
                    FieldPanel("contract_types", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("experience_level")]),
                    FieldPanel("remote"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")], heading="Lieu de travail"),
                    FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")], heading="Rémunération"),
                ],
                heading="Conditions & lieu",
            ),
            ObjectList(
                [
                    FieldPanel("missions"),
                    FieldPanel("team_context"),
                    FieldPanel("profile"),
                    FieldPanel("benefits"),
                    FieldPanel("process"),
                ],
                heading="Description",
            ),
            ObjectList(
                [
                    FieldPanel("apply_url"),
                    FieldPanel("apply_email"),
                    FieldRowPanel([FieldPanel("deadline"), FieldPanel("start_date")]),
                ],
                heading="Candidature",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldRowPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")])],
                        heading="Programmation",
                    ),
                    FieldPanel("filled_at"),
                    FieldRowPanel([FieldPanel("source", read_only=True), FieldPanel("external_id", read_only=True)]),
                ],
                heading="Publication",
            ),
        ],
        base_form_class=JobOfferForm,
    )


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "site"
    menu_label = "Institutions"
    menu_name = "institutions"
    list_display = ["name", "acronym", "kind"]
    search_fields = ["name", "acronym"]
    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]


class ProfessionViewSet(SnippetViewSet):
    model = Profession
    icon = "tag"
    menu_label = "Métiers"
    menu_name = "metiers"
    list_display = ["name", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class JobsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Offres d'emploi"
    menu_icon = "doc-full"
    menu_name = "offres-d-emploi"
    menu_order = 200
    items = (JobOfferViewSet, InstitutionViewSet, ProfessionViewSet)


register_snippet(JobsViewSetGroup)
