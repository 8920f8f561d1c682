"""Links shared by every block that points somewhere: a page of the site or an address."""

from django.core.exceptions import ValidationError
from wagtail import blocks


def validate_link_address(value):
    if value and not (value.startswith("/") or value.startswith("https://") or value.startswith("http://")):
        raise ValidationError("Saisissez une adresse qui commence par « / » (sur ce site) ou par « https:// ».")


class LinkValue(blocks.StructValue):
    @property
    def url(self):
        page = self.get("page")
        if page:
            return page.specific.url
        return self.get("address") or ""

    @property
    def is_external(self):
        return not self.get("page") and (self.get("address") or "").startswith("http")

    @property
    def label(self):
        page = self.get("page")
        return self.get("text") or (page.title if page else self.get("address", ""))

    @property
    def opens_new_window(self):
        """Only when the editor asks: a new window disorients keyboard and screen-reader users."""
        return bool(self.get("new_window")) and bool(self.url)


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label="Page du site")
    address = blocks.CharBlock(
        required=False,
        max_length=300,
        validators=[validate_link_address],
        label="Ou adresse",
        help_text="Une adresse de ce site (« /offres/ ») ou d'un autre site (« https://… »).",
    )
    text = blocks.CharBlock(
        required=False,
        max_length=80,
        label="Texte du lien",
        help_text="Décrit la destination (« Voir les offres Données » plutôt que « En savoir plus »).",
    )
    new_window = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Ouvrir dans une nouvelle fenêtre",
        help_text="À éviter sauf besoin réel (un document à garder ouvert, par exemple). "
        "Le lien l'annonce aux lecteurs d'écran.",
    )

    required_destination = True

    def clean(self, value):
        value = super().clean(value)
        has_page, has_address = bool(value.get("page")), bool(value.get("address"))
        if has_page and has_address:
            raise blocks.StructBlockValidationError(
                block_errors={"address": ValidationError("Choisissez une page du site ou une adresse, pas les deux.")}
            )
        if self.required_destination and not (has_page or has_address):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError("Choisissez une page du site ou saisissez une adresse.")}
            )
        return value

    class Meta:
        value_class = LinkValue
        icon = "link"
        label = "Lien"


class OptionalLinkBlock(LinkBlock):
    """A link that may be left empty (a card without destination, for instance)."""

    required_destination = False


class ButtonBlock(blocks.StructBlock):
    link = LinkBlock(label="Lien")
    style = blocks.ChoiceBlock(
        choices=[("primary", "Principal"), ("secondary", "Secondaire")],
        default="primary",
        search_index=False,
        label="Apparence",
    )

    class Meta:
        icon = "link"
        label = "Bouton d'action"
        group = "Mise en page"
        template = "blocks/button.html"
