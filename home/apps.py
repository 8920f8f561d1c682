from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et réglages du site"

    def ready(self):
        from metnum_site import checks  # noqa: F401  (registers the project's system checks)
        from metnum_site.spreadsheets import protect_wagtail_exports

        # Site-wide: every CSV export of the admin (offers, Wagtail's reports) opens as text.
        protect_wagtail_exports()
