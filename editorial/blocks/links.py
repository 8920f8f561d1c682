"""Links shared by every block that points somewhere: a page of the site or an address."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail import blocks

# Browsers drop tabs and line breaks from an address, and read "\\" as "/": "/\t/site" and
# "/\\site" lead to another site as "//site" does.
INVISIBLE = re.compile(r"[\x00-\x20\x7f]")
_web_address = URLValidator(schemes=["http", "https"])


def validate_link_address(value):
    """An address of this site ("/offres/") or a complete web address ("https://…"); nothing that
    looks internal and leads elsewhere ("//site", "/\\site"), no javascript:, data: or other scheme."""
    if not value:
        return
    if INVISIBLE.search(value):
        raise ValidationError("Une adresse ne contient ni espace ni retour à la ligne : retirez-les.")
    if value.replace("\\", "/").startswith("//"):
        raise ValidationError(
            "Une adresse qui commence par « // » (ou « /\\ ») mène vers un autre site : pour un lien "
            "vers un autre site, saisissez l'adresse complète, qui commence par « https:// »."
        )
    if value.startswith("/"):
        return
    if not value.lower().startswith(("https://", "http://")):
        raise ValidationError("Saisissez une adresse qui commence par « / » (sur ce site) ou par « https:// ».")
    try:
        _web_address(value)
    except ValidationError:
        raise ValidationError(
            "Cette adresse n'est pas une adresse web complète : par exemple « https://www.exemple.gouv.fr/page »."
        ) from None


class LinkValue(blocks.StructValue):
    @property
    def url(self):
        """The page's URL, or the address; "" for an address stored before the current rule that
        breaks it (a link that leads nowhere rather than to another site)."""
        page = self.get("page")
        if page:
            return page.specific.url
        address = self.get("address") or ""
        try:
            validate_link_address(address)
        except ValidationError:
            return ""
        return address

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
