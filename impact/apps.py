from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = "Mesure d'impact"

    def ready(self):
        from . import listeners

        listeners.connect()
