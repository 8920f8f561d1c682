from django import forms
from django.db.models import Count
from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.slug import SlugInput
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_filters import InstitutionFilterSet, JobOfferFilterSet
from .admin_panels import MyOffersPanel
from .admin_views import (
    FullFormOnlyChooserViewSet,
    JobOfferChooserViewSet,
    JobOfferCopyView,
    JobOfferCreateView,
    JobOfferDeleteBulkAction,
    JobOfferEditView,
    JobOfferIndexView,
    MarkFilledMenuItem,
    MarkFilledView,
    admin_listing_queryset,
    only_permitted_offer,
)
from .forms import JobOfferForm, SlugFromNameForm
from .models import Institution, JobOffer, Profession
from .offer_actions import MARK_FILLED_ACTION
from .permissions import job_offer_permission_policy, permitted_offers

# Before the viewsets register: every offer view, button and bulk action asks this policy.
register_permission_policy(JobOffer, job_offer_permission_policy)

# Slugs are ASCII (SlugField), whatever WAGTAIL_ALLOW_UNICODE_SLUGS says for pages.
ascii_slug_input = SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})


class ReadOnlyPanel(FieldPanel):
    """A read-only field that says so in French when empty (Wagtail would print "None")."""

    def __init__(self, field_name, empty_text="—", **kwargs):
        super().__init__(field_name, **{**kwargs, "read_only": True})
        self.empty_text = empty_text

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "empty_text": self.empty_text}

    def format_value_for_display(self, value):
        if value is None or value == "":
            return self.empty_text
        return super().format_value_for_display(value)


class JobOfferViewSet(SnippetViewSet):
    model = JobOffer
    icon = "doc-full"
    menu_label = "Offres"
    menu_name = "offres"
    index_view_class = JobOfferIndexView
    add_view_class = JobOfferCreateView
    edit_view_class = JobOfferEditView
    copy_view_class = JobOfferCopyView
    mark_filled_view_class = MarkFilledView
    copy_view_enabled = True
    chooser_viewset_class = JobOfferChooserViewSet
    filterset_class = JobOfferFilterSet
    export_filename = "offres-d-emploi"
    list_export = [
        "pk",
        "listing_title",
        "reference",
        "institution.name",
        "institution.acronym",
        "status",
        "profession",
        "contract_types",
        "get_category_display",
        "get_experience_level_display",
        "get_remote_display",
        "city",
        "postal_code",
        "departement",
        "region",
        "salary_min",
        "salary_max",
        "deadline",
        "first_published_at",
        "filled_at",
        "last_updated_at",
    ]
    export_headings = {
        "pk": "Identifiant",
        "listing_title": "Intitulé",
        "reference": "Référence",
        "institution.name": "Employeur",
        "institution.acronym": "Sigle",
        "status": "Statut",
        "profession": "Métier",
        "contract_types": "Types de contrat",
        "get_category_display": "Catégorie",
        "get_experience_level_display": "Expérience",
        "get_remote_display": "Télétravail",
        "city": "Ville",
        "postal_code": "Code postal",
        "departement": "Département",
        "region": "Région",
        "salary_min": "Salaire minimum (€ brut annuel)",
        "salary_max": "Salaire maximum (€ brut annuel)",
        "deadline": "Date limite de candidature",
        "first_published_at": "Première publication",
        "filled_at": "Pourvue le",
        "last_updated_at": "Dernière modification",
    }

    def get_queryset(self, request):
        """The offers of the listing, its search results and its exports, for this request:
        only those of the user's institutions (all of them for the editorial team)."""
        return permitted_offers(request.user, admin_listing_queryset())

    @property
    def mark_filled_view(self):
        return self.construct_view(self.mark_filled_view_class, success_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        """Every URL about one offer (`pk`) answers 404 for an offer of another institution: Wagtail's
        own object views mostly check model-level permissions only, and URLs added later are covered."""
        urlpatterns = [
            *super().get_urlpatterns(),
            path(f"mark-filled/<{self.pk_path_converter}:pk>/", self.mark_filled_view, name="mark_filled"),
        ]
        for pattern in urlpatterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = only_permitted_offer(pattern.callback)
        return urlpatterns

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel(
                        "title",
                        help_text="L'intitulé que les candidates et candidats chercheraient : "
                        "« Développeuse ou développeur back-end Python » plutôt qu'un code interne.",
                    ),
                    ReadOnlyPanel(
                        "slug",
                        empty_text="Créé à l'enregistrement",
                        help_text="Créé à partir de l'intitulé à l'enregistrement, puis figé dès la première "
                        "publication pour que les liens déjà partagés restent valables. "
                        "Adresse publique : /offres/<identifiant>/.",
                    ),
                    FieldPanel(
                        "reference",
                        help_text="Votre référence interne, facultative. Elle figure dans l'objet des "
                        "candidatures envoyées par courriel.",
                    ),
                    FieldPanel(
                        "institution",
                        # A select limited to the editor's institutions (JobOfferForm), not the chooser
                        # of every institution.
                        widget=forms.Select,
                        help_text="L'employeur qui recrute, parmi les institutions dont vous gérez les offres.",
                    ),
                    FieldPanel("team"),
                    FieldPanel(
                        "profession",
                        # A short fixed list: a plain select rather than a chooser (whose search needs the
                        # search index, which the migration that seeds the métiers does not fill).
                        widget=forms.Select,
                        help_text="La famille de métiers : elle sert aux filtres de recherche et aux "
                        "suggestions d'offres similaires.",
                    ),
                    FieldPanel("skills"),
                ],
                heading="Poste",
            ),
            ObjectList(
                [
                    FieldPanel(
                        "contract_types",
                        widget=forms.CheckboxSelectMultiple,
                        help_text="Cochez tous les types de contrat possibles pour ce poste.",
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel(
                                "category",
                                help_text="Catégorie de la fonction publique ; laissez vide si elle ne "
                                "s'applique pas (stage, apprentissage, freelance…).",
                            ),
                            FieldPanel("experience_level", help_text="Expérience attendue dans le métier."),
                        ]
                    ),
                    FieldPanel(
                        "remote",
                        help_text="Partiel : quelques jours par semaine. Total : le poste s'exerce entièrement "
                        "à distance, depuis la France.",
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("city", help_text="La commune du lieu de travail, par exemple « Saint-Denis »."),
                            FieldPanel(
                                "postal_code",
                                help_text="Cinq chiffres ; le département et la région en sont déduits "
                                "(Corse et outre-mer compris).",
                            ),
                        ],
                        heading="Lieu de travail",
                    ),
                    FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")], heading="Rémunération"),
                ],
                heading="Conditions & lieu",
            ),
            ObjectList(
                [
                    FieldPanel(
                        "missions",
                        help_text="Ce que la personne fera au quotidien. Les listes à puces se lisent mieux.",
                    ),
                    FieldPanel(
                        "team_context", help_text="L'équipe, ses produits, ses usagers, l'environnement technique."
                    ),
                    FieldPanel(
                        "profile",
                        help_text="Compétences et qualités attendues ; distinguez l'indispensable du souhaitable.",
                    ),
                    FieldPanel("benefits", help_text="Télétravail, formation, restauration, transports, congés…"),
                    FieldPanel(
                        "process",
                        help_text="Les étapes et leur calendrier : entretiens, mise en situation, délai de réponse.",
                    ),
                ],
                heading="Description",
            ),
            ObjectList(
                [
                    FieldPanel(
                        "apply_url",
                        help_text="La page où l'on candidate. Indiquez au moins un lien ou une adresse électronique.",
                    ),
                    FieldPanel(
                        "apply_email",
                        help_text="Reçoit les candidatures ; l'objet du courriel reprend l'intitulé et la référence.",
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel(
                                "deadline",
                                help_text="Dernier jour pour candidater, inclus ; l'offre se ferme ensuite "
                                "d'elle-même. Par défaut, deux mois après la création.",
                            ),
                            FieldPanel("start_date", help_text="Date de prise de poste souhaitée, si elle est connue."),
                        ]
                    ),
                ],
                heading="Candidature",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldRowPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")])],
                        heading="Programmation",
                        help_text="Mise en ligne et retrait automatiques, facultatifs : la date limite de "
                        "candidature ferme déjà l'offre.",
                    ),
                    ReadOnlyPanel(
                        "first_published_at",
                        empty_text="Pas encore publiée",
                        heading="Première publication",
                        help_text="La date « publiée le » que voient les candidats : fixée à la première "
                        "publication, conservée ensuite.",
                    ),
                    FieldPanel(
                        "filled_at",
                        help_text="Préférez l'action « Marquer comme pourvue » du menu d'enregistrement. "
                        "Videz ce champ puis publiez pour rouvrir l'offre.",
                    ),
                    FieldRowPanel(
                        [
                            ReadOnlyPanel("source", empty_text="Aucune : offre saisie ici"),
                            ReadOnlyPanel("external_id"),
                        ],
                        heading="Import",
                        help_text="Renseignés par l'import des offres venues d'autres systèmes ; "
                        "ils ne se modifient pas ici.",
                    ),
                ],
                heading="Publication",
            ),
        ],
        base_form_class=JobOfferForm,
    )


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    chooser_viewset_class = FullFormOnlyChooserViewSet
    icon = "site"
    menu_label = "Institutions"
    menu_name = "institutions"
    list_display = ["name", "acronym", "kind", "parent", Column("offer_count", label="Offres", sort_key="offer_count")]
    list_per_page = 50
    filterset_class = InstitutionFilterSet
    search_backend_name = None
    search_fields = ["name", "acronym"]
    edit_handler = ObjectList(
        [
            TitleFieldPanel("name", placeholder=False),
            FieldPanel("acronym"),
            FieldPanel("slug", widget=ascii_slug_input),
            FieldPanel("kind"),
            FieldPanel("parent"),
            FieldPanel("logo", help_text="Le logo officiel, sur fond clair de préférence."),
            FieldPanel("website", help_text="Le site de l'employeur, ou sa page carrières."),
            FieldPanel("description"),
        ],
        base_form_class=SlugFromNameForm,
    )

    def get_queryset(self, request):
        return Institution.objects.select_related("parent").annotate(offer_count=Count("job_offers"))


class ProfessionViewSet(SnippetViewSet):
    model = Profession
    chooser_viewset_class = FullFormOnlyChooserViewSet
    icon = "tag"
    menu_label = "Métiers"
    menu_name = "metiers"
    list_display = ["name", "slug", "description", Column("offer_count", label="Offres", sort_key="offer_count")]
    search_backend_name = None
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [
            TitleFieldPanel("name", placeholder=False),
            FieldPanel(
                "slug",
                widget=ascii_slug_input,
                help_text="Utilisé dans les adresses de recherche (?metier=…). Ne le changez pas une fois publié.",
            ),
            FieldPanel("description"),
        ],
        base_form_class=SlugFromNameForm,
    )

    def get_queryset(self, request):
        return Profession.objects.annotate(offer_count=Count("job_offers"))


class JobsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Offres d'emploi"
    menu_icon = "doc-full"
    menu_name = "offres-d-emploi"
    menu_order = 200  # right after Pages
    items = (JobOfferViewSet, InstitutionViewSet, ProfessionViewSet)


register_snippet(JobsViewSetGroup)


@hooks.register("register_snippet_action_menu_item")
def register_mark_filled_menu_item(model):
    if model is JobOffer:
        return MarkFilledMenuItem(order=25)
    return None


@hooks.register("register_log_actions")
def register_offer_log_actions(actions):
    actions.register_action(MARK_FILLED_ACTION, "Marquée comme pourvue", "Offre marquée comme pourvue")


@hooks.register("construct_homepage_panels")
def add_my_offers_panel(request, panels):
    if job_offer_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.insert(0, MyOffersPanel(request.user))


# After wagtail.snippets' own (order), so that it replaces it for offers.
hooks.register("register_bulk_action", JobOfferDeleteBulkAction, order=1)
