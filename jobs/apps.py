from django.apps import AppConfig
from django.db.models.signals import m2m_changed


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Offres d'emploi"

    def ready(self):
        from .models import JobOffer, contract_types_changed

        m2m_changed.connect(
            contract_types_changed, sender=JobOffer.contract_types.through, dispatch_uid="jobs_contract_mask"
        )
