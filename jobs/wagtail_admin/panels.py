"""The edit forms of the offers, institutions and métiers: their panels, tabs and widgets. Help
texts live on the model fields (jobs/models.py); a panel sets one only where the form needs more than
the field says."""

from django import forms
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput

from .forms import JobOfferForm, SlugFromNameForm

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


OFFER_EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(
            [
                # Wagtail lets a draft leave its text fields empty; a draft still needs a title, which
                # names it in the listing.
                FieldPanel("title", required_on_save=True),
                ReadOnlyPanel(
                    "slug",
                    empty_text="Créé à l'enregistrement",
                ),
                FieldPanel(
                    "reference",
                ),
                FieldPanel(
                    "institution",
                    # A select limited to the editor's institutions (JobOfferForm), not the chooser
                    # of every institution.
                    widget=forms.Select,
                ),
                FieldPanel("team"),
                FieldPanel(
                    "profession",
                    # A short fixed list: a plain select rather than a chooser (whose search needs the
                    # search index, which the migration that seeds the métiers does not fill).
                    widget=forms.Select,
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
                    # Required to publish only: a draft may wait for them.
                    required_on_save=False,
                ),
                FieldRowPanel(
                    [
                        FieldPanel("versant"),
                        FieldPanel(
                            "category",
                        ),
                        FieldPanel("experience_level"),
                    ]
                ),
                FieldPanel(
                    "remote",
                ),
                FieldRowPanel(
                    [
                        FieldPanel("city"),
                        FieldPanel(
                            "postal_code",
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
                ),
                FieldPanel("team_context"),
                FieldPanel(
                    "profile",
                ),
                FieldPanel("benefits"),
                FieldPanel(
                    "process",
                ),
            ],
            heading="Description",
        ),
        ObjectList(
            [
                FieldPanel(
                    "apply_url",
                ),
                FieldPanel(
                    "apply_email",
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "deadline",
                        ),
                        FieldPanel("start_date"),
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
                    help_text="La date « publiée le » que voient les candidates et candidats : fixée à la première "
                    "publication, conservée ensuite.",
                ),
                FieldPanel(
                    "filled_at",
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


INSTITUTION_EDIT_HANDLER = ObjectList(
    [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("acronym"),
        FieldPanel("slug", widget=ascii_slug_input),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("receives_applications_on_metnum"),
    ],
    base_form_class=SlugFromNameForm,
)


PROFESSION_EDIT_HANDLER = ObjectList(
    [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel(
            "slug",
            widget=ascii_slug_input,
        ),
        FieldPanel("description"),
    ],
    base_form_class=SlugFromNameForm,
)
