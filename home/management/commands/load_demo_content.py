from django.core.management.base import BaseCommand

from editorial import demo as editorial_demo
from home import demo as home_demo
from jobs import demo as jobs_demo
from metnum_site.demo import DemoReport

# Each app's loader, in dependency order; each takes the shared report. The jobs loader (employers,
# offers) comes before the editorial loader, whose pages show employers and offers.
LOADERS = [home_demo.load, jobs_demo.load, editorial_demo.load]


class Command(BaseCommand):
    help = "Crée le site de démonstration (pages, contenus). Sans effet s'il est déjà en place."

    def handle(self, *args, **options):
        report = DemoReport()
        for loader in LOADERS:
            loader(report)
        self.stdout.write(self.style.SUCCESS(report.summary()) if report.changed else report.summary())
