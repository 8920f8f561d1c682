from django.apps import AppConfig
from django.db.models.signals import m2m_changed


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Offres d'emploi"

    def ready(self):
        from metnum_site import page_cache

        from .indexing import offers_changed
        from .models import JobOffer, contract_types_changed

        m2m_changed.connect(
            contract_types_changed, sender=JobOffer.contract_types.through, dispatch_uid="jobs_contract_mask"
        )
        # Imports write offers in bulk, without Django's signals: their flushes say what changed.
        offers_changed.connect(page_cache.content_changed, dispatch_uid="page_cache_offers")
        # Deadlines and scheduled expiries close offers with no write: cached pages end there.
        page_cache.register_next_change(lambda now: JobOffer.objects.next_open_change(now))
