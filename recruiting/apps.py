from django.apps import AppConfig


class RecruitingConfig(AppConfig):
    name = "recruiting"
    verbose_name = "Recrutement"

    def ready(self):
        from . import personal_data  # noqa: F401 (connects the archive's and the purge's receivers)
