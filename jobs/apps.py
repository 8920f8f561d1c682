from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Offres d'emploi"

    def ready(self):
        from .indexing import offer_deleted, offer_saved
        from .models import JobOffer, contract_types_changed

        # Replace Wagtail's per-save search indexing of offers so that imports can defer it.
        post_save.connect(offer_saved, sender=JobOffer, dispatch_uid="jobs_offer_saved")
        post_delete.connect(offer_deleted, sender=JobOffer, dispatch_uid="jobs_offer_deleted")
        m2m_changed.connect(
            contract_types_changed, sender=JobOffer.contract_types.through, dispatch_uid="jobs_contract_mask"
        )
