from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et réglages du site"

    def ready(self):
        from django.db.models.signals import pre_save

        from metnum_site import checks, page_cache  # noqa: F401  (checks: registers the system checks)
        from metnum_site.characters import strip_invalid_characters
        from metnum_site.spreadsheets import protect_wagtail_exports

        # Every model, every path: no stored text carries a character that feeds or exports refuse.
        pre_save.connect(strip_invalid_characters, dispatch_uid="strip_invalid_characters")

        # Any write to what public pages show empties the page cache.
        page_cache.connect()

        # Site-wide: every CSV export of the admin (offers, Wagtail's reports) opens as text.
        protect_wagtail_exports()
