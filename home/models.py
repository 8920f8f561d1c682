from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.blocks import HomeStreamBlock, assign_anchors
from metnum_site.descriptions import meta_description

SITE_DESCRIPTION = (
    "Les offres d'emploi du numérique de l'État : développement, données, cybersécurité, design, produit… "
    "et pourquoi travailler pour le service public."
)


class HomePage(Page):
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "editorial.StandardPage",
        "editorial.InstitutionIndexPage",
        "editorial.StoryIndexPage",
        "editorial.GuideIndexPage",
        "home.SitemapPage",
    ]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = "Page d'accueil"
        verbose_name_plural = "Pages d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        assign_anchors(self.body)
        return context

    @property
    def hero(self):
        """The hero block, which carries the page's h1, when the page starts with one."""
        first = self.body[0] if self.body else None
        return first if first is not None and first.block_type == "hero" else None

    @property
    def meta_description(self):
        """The editor's search description, else the opening block's text, else what the site is."""
        hero = self.hero
        return meta_description(self.search_description, hero.value["text"] if hero else "", SITE_DESCRIPTION)


class SitemapPage(Page):
    """The "Plan du site" page: lists the live pages of the site as a tree."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "home/sitemap_page.html"

    class Meta:
        verbose_name = "Plan du site"
        verbose_name_plural = "Plans du site"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.live_page_tree(request)
        return context

    @property
    def meta_description(self):
        return meta_description(
            self.search_description, "Plan du site : toutes les pages de Métiers du numérique, par rubrique."
        )

    def live_page_tree(self, request):
        """Nested [{"page", "url", "children"}] of the live public pages, built from one query."""
        site_root = self.get_site().root_page
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site_root, inclusive=True)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "slug")
        )
        roots, open_nodes = [], {}
        for page in pages:
            node = {"page": page, "url": page.get_url(request), "children": []}
            parent_path = page.path[: -Page.steplen]
            parent = open_nodes.get(parent_path)
            (parent["children"] if parent else roots).append(node)
            open_nodes[page.path] = node
        return roots


ACCESSIBILITY_STATUSES = [
    ("non", "non conforme"),
    ("partiellement", "partiellement conforme"),
    ("totalement", "totalement conforme"),
]

SOCIAL_NETWORKS = [
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("youtube", "YouTube"),
    ("github", "GitHub"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label="Réseau")
    url = blocks.URLBlock(label="Adresse du compte")

    class Meta:
        icon = "link-external"
        label = "Réseau social"


def _footer_page(name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=f"page « {name} »",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    accessibility_status = models.CharField(
        "Conformité RGAA",
        max_length=20,
        choices=ACCESSIBILITY_STATUSES,
        default="non",
        help_text="Affiché dans le pied de page : « Accessibilité : non conforme ». "
        "À mettre à jour après chaque audit.",
    )
    contact_email = models.EmailField(
        "Adresse de contact",
        blank=True,
        help_text="Adresse à laquelle les candidats et candidates peuvent écrire.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name="Réseaux sociaux",
    )
    matomo_site_id = models.CharField(
        "Identifiant Matomo",
        max_length=12,
        blank=True,
        help_text="Numéro du site dans Matomo. La mesure d'audience n'est active que si l'adresse "
        "du serveur Matomo est aussi configurée (variable MATOMO_URL).",
    )

    sitemap_page = _footer_page("plan du site")
    accessibility_page = _footer_page("déclaration d'accessibilité")
    legal_notice_page = _footer_page("mentions légales")
    privacy_page = _footer_page("données personnelles")
    cookies_page = _footer_page("gestion des cookies")

    # The footer's links, in order: (field, label); the accessibility link shows the status instead.
    FOOTER_PAGES = [
        ("sitemap_page", "Plan du site"),
        ("accessibility_page", None),
        ("legal_notice_page", "Mentions légales"),
        ("privacy_page", "Données personnelles"),
        ("cookies_page", "Gestion des cookies"),
    ]

    panels = [
        FieldPanel("accessibility_status"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel(field) for field, _ in FOOTER_PAGES],
            heading="Pages du pied de page",
            help_text="Une page non choisie, ou non publiée, n'apparaît pas dans le pied de page.",
        ),
        MultiFieldPanel([FieldPanel("matomo_site_id")], heading="Mesure d'audience"),
    ]

    class Meta:
        verbose_name = "Réglages du site"
        verbose_name_plural = "Réglages du site"
