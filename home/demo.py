"""Demo content of the home app: the Site, the home page, the legal pages and the site map."""

from django.db import transaction
from wagtail.models import Page, Site

from editorial.models import StandardPage
from metnum_site.demo import get_or_create_child_page, paragraphs, stream

from .models import HomePage, SitemapPage, SiteSettings

HOME_BODY = stream(
    (
        "hero",
        {
            "title": "L'État recrute des talents du numérique",
            "text": "Développement, données, cybersécurité, design, produit : plus de 200 offres par mois "
            "dans les ministères, les agences et les autorités. Des missions utiles à des millions de personnes.",
            "show_offer_search": True,
        },
    ),
    (
        "paragraph",
        paragraphs(
            "Travailler pour l'État, c'est construire les services publics numériques qu'utilisent chaque jour "
            "les Françaises et les Français : déclarer ses revenus, demander une aide, prendre rendez-vous, "
            "s'inscrire à un examen. Les équipes recherchent des profils confirmés comme débutants, "
            "fonctionnaires ou contractuels."
        ),
    ),
    ("latest_offers", {"heading": "Dernières offres", "heading_level": "h2", "count": 6}),
    (
        "cta_cards",
        {
            "heading": "Trouver sa place",
            "heading_level": "h2",
            "cards": [
                {
                    "title": "Consulter les offres",
                    "text": "Toutes les offres numériques de l'État, filtrables par métier, lieu et télétravail.",
                    "link": {"page": None, "address": "/offres/", "text": ""},
                },
                {
                    "title": "Découvrir les employeurs",
                    "text": "Ministères, agences, autorités : qui recrute et pour quelles missions.",
                    "link": {"page": None, "address": "/employeurs/", "text": ""},
                },
                {
                    "title": "Lire les témoignages",
                    "text": "Des agentes et des agents racontent leur quotidien et leurs projets.",
                    "link": {"page": None, "address": "/temoignages/", "text": ""},
                },
                {
                    "title": "Comprendre la fonction publique",
                    "text": "Catégories, contrats, rémunération, étapes du recrutement : nos guides.",
                    "link": {"page": None, "address": "/guides/", "text": ""},
                },
            ],
        },
    ),
    (
        "featured_institutions",
        {"heading": "Ils recrutent en ce moment", "heading_level": "h2", "pages": [], "count": 4},
    ),
    (
        "featured_stories",
        {"heading": "Ils et elles y travaillent", "heading_level": "h2", "stories": [], "tag": "", "count": 3},
    ),
)

LEGAL_PAGES = [
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": "La Direction interministérielle du numérique s'engage à rendre ses services numériques "
        "accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
        "body": stream(
            ("heading", {"text": "État de conformité", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Le site Métiers du numérique est <b>non conforme</b> avec le référentiel général "
                    "d'amélioration de l'accessibilité (RGAA) version 4.1 : aucun audit n'a encore été réalisé.",
                    "Chaque page est néanmoins vérifiée automatiquement avec l'outil axe-core avant toute mise "
                    "en ligne, et le site est utilisable au clavier et sans JavaScript.",
                ),
            ),
            ("heading", {"text": "Amélioration et contact", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez nous écrire pour "
                    "être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.",
                ),
            ),
            ("heading", {"text": "Voie de recours", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une "
                    "fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une "
                    "réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de "
                    "saisine au Défenseur des droits, par un formulaire en ligne, par téléphone au 09 69 39 00 00 "
                    "ou par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                ),
            ),
        ),
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "",
        "body": stream(
            ("heading", {"text": "Éditeur", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Direction interministérielle du numérique (DINUM), 20 avenue de Ségur, 75007 Paris.",
                    "Directrice ou directeur de la publication : la directrice ou le directeur interministériel "
                    "du numérique.",
                ),
            ),
            ("heading", {"text": "Hébergement", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "L'hébergeur est indiqué ici lors de la mise en production : nom, adresse et téléphone, "
                    "comme l'exige l'article 6 de la loi pour la confiance dans l'économie numérique."
                ),
            ),
            ("heading", {"text": "Réutilisation des contenus", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Sauf mention contraire, les contenus de ce site sont publiés sous licence Etalab 2.0 : "
                    "vous pouvez les réutiliser librement en citant la source.",
                    "Les offres d'emploi sont publiées par les employeurs publics, qui en sont responsables.",
                ),
            ),
        ),
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "intro": "Ce site collecte le moins de données personnelles possible. Voici lesquelles, pourquoi, et "
        "comment exercer vos droits.",
        "body": stream(
            ("heading", {"text": "Candidates et candidats", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Consulter et rechercher des offres ne demande aucun compte. Quand vous candidatez, vous "
                    "êtes dirigé vers le site ou l'adresse électronique de l'employeur : votre candidature ne "
                    "transite pas par Métiers du numérique.",
                ),
            ),
            ("heading", {"text": "Rédactrices et rédacteurs", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Pour les personnes qui publient des contenus, nous conservons le nom, l'adresse "
                    "électronique professionnelle et l'historique des modifications, le temps de leur mission. "
                    "Le compte et ses données sont supprimés à la fin de la mission, sur demande de l'employeur.",
                ),
            ),
            ("heading", {"text": "Vos droits", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Vous disposez d'un droit d'accès, de rectification et d'effacement de vos données "
                    "(règlement général sur la protection des données). Pour l'exercer, écrivez à l'adresse de "
                    "contact du site. Vous pouvez aussi adresser une réclamation à la CNIL.",
                ),
            ),
        ),
    },
    {
        "slug": "gestion-des-cookies",
        "title": "Gestion des cookies",
        "intro": "Ce site ne dépose aucun cookie de suivi : il n'y a donc rien à accepter ni à refuser.",
        "body": stream(
            ("heading", {"text": "Mesure d'audience", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Quand elle est activée, la mesure d'audience utilise Matomo sans cookie et avec des adresses "
                    "IP anonymisées. Elle est exemptée de consentement selon les recommandations de la CNIL.",
                ),
            ),
            ("heading", {"text": "Cookies techniques", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                paragraphs(
                    "Seules les personnes qui se connectent à l'espace de publication reçoivent un cookie de "
                    "session et un cookie de sécurité, indispensables au fonctionnement du service.",
                ),
            ),
        ),
    },
]


def load(report):
    """Create the home page as the default site's root, then the legal pages and the site map."""
    with transaction.atomic():
        home = _home_page(report)
        for legal in LEGAL_PAGES:
            get_or_create_child_page(home, StandardPage, report=report, **legal)
        get_or_create_child_page(home, SitemapPage, slug="plan-du-site", title="Plan du site", report=report)
        settings = SiteSettings.for_site(home.get_site())
        if not settings.contact_email:
            settings.contact_email = "contact@metiers.numerique.gouv.fr"
            settings.save()
            report.count("réglages du site")
    return home


def _home_page(report):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Accueil", slug="accueil", body=HOME_BODY)
        root.add_child(instance=home)
        home.save_revision().publish()
        report.count("pages « Page d'accueil »")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Métiers du numérique"
        )
        report.count("sites")
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Métiers du numérique"
        site.save()
        report.count("sites")
        _remove_wagtail_welcome_page(previous_root)
    return home


def _remove_wagtail_welcome_page(page):
    """Wagtail's installation creates a bare "Welcome" page; drop it once our home page replaces it."""
    if type(page.specific) is Page and not page.get_children().exists():
        page.delete()
