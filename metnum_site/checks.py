"""System checks of the project's own settings."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def security_contact_check(app_configs, **kwargs):
    contact = settings.SECURITY_CONTACT
    if not contact:
        return [
            Warning(
                "SECURITY_CONTACT est vide : /.well-known/security.txt ne dit pas où signaler une faille.",
                hint="Donnez une adresse « mailto:… » ou « https://… » (voir docs/security.md).",
                id="metnum.W001",
            )
        ]
    if not contact.startswith(("mailto:", "https://")):
        return [
            Warning(
                f"SECURITY_CONTACT doit commencer par « mailto: » ou « https:// », pas {contact!r}.",
                id="metnum.W002",
            )
        ]
    return []
