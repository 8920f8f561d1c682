from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Recherche d'offres"

    def ready(self):
        from . import signals

        signals.connect()
