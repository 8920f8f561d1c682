from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Candidatures"

    def ready(self):
        from . import signals  # noqa: F401
