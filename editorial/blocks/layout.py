"""Layout blocks: the page hero."""

from wagtail import blocks


class HeroBlock(blocks.StructBlock):
    """The opening of a page. Its title is the page's only h1, so a page holds at most one hero."""

    title = blocks.CharBlock(max_length=120, label="Titre principal")
    text = blocks.TextBlock(required=False, max_length=400, label="Texte d'accroche")
    show_offer_search = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Afficher la recherche d'offres",
        help_text="Ajoute un champ de recherche qui mène à la liste des offres.",
    )

    class Meta:
        icon = "image"
        label = "Bandeau d'accueil"
        group = "Mise en page"
        template = "blocks/hero.html"
