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


@register(Tags.caches, deploy=True)
def page_cache_check(app_configs, **kwargs):
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL est vide : les pages publiques ne sont pas mises en cache (chaque processus de gunicorn "
            "aurait son propre cache, qu'une publication faite dans un autre ne viderait pas).",
            hint="Donnez l'adresse d'un Redis partagé par tous les processus, par exemple redis://127.0.0.1:6379/0 "
            "(voir docs/deploy.md).",
            id="metnum.W003",
        )
    ]
