from django.core.management.base import BaseCommand

from demo import candidates, editorial, impact, offers, site
from demo.report import DemoReport

# In dependency order; each takes the shared report. The offers (and their employers) come before the
# editorial pages, which show employers and offers; the candidates apply to offers; the impact counts
# last, about the offers.
LOADERS = [site.load, offers.load, editorial.load, candidates.load, impact.load]


class Command(BaseCommand):
    help = "Crée le site de démonstration (pages, contenus). Sans effet s'il est déjà en place."

    def handle(self, *args, **options):
        report = DemoReport()
        for loader in LOADERS:
            loader(report)
        self.stdout.write(self.style.SUCCESS(report.summary()) if report.changed else report.summary())
