from django.core.management.base import BaseCommand

from editorial.spaces import create_institution_space


class Command(BaseCommand):
    help = (
        "Ouvre l'espace d'une institution : l'institution, sa page employeur (brouillon), sa collection "
        "d'images et de documents et le groupe « <sigle> — éditeurs » qui ne gère que ses offres, sa page et "
        "sa collection. Sans effet s'il est déjà en place."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Nom de l'institution, par exemple « Direction du numérique ».")
        parser.add_argument("--acronym", default=None, help="Sigle, par exemple DNUM (nomme le groupe).")
        parser.add_argument(
            "--moderation",
            action="store_true",
            help="Les éditeurs soumettent leur page à la validation de l'équipe éditoriale au lieu de la publier.",
        )

    def handle(self, *args, name, acronym, moderation, **options):
        space = create_institution_space(name, acronym=acronym, moderation=moderation)
        if not space.changes:
            self.stdout.write(f"Rien à faire : l'espace de « {space.institution} » est déjà en place.")
            return
        self.stdout.write(self.style.SUCCESS(f"Espace de « {space.institution} » :"))
        for change in space.changes:
            self.stdout.write(f"  - {change}")
        self.stdout.write(f"Ajoutez les éditeurs de l'institution au groupe « {space.group.name} ».")
