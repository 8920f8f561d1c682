from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Retire l'application d'authentification et les codes de secours d'un compte (téléphone perdu) : "
        "à sa prochaine connexion, la personne configure un nouveau second facteur."
    )

    def add_arguments(self, parser):
        parser.add_argument("identifiant", help="Identifiant du compte.")

    def handle(self, *args, identifiant, **options):
        user = get_user_model().objects.filter(username=identifiant).first()
        if user is None:
            raise CommandError(f"Aucun compte ne s'appelle « {identifiant} ».")
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        if devices:
            self.stdout.write(f"Second facteur du compte « {identifiant} » réinitialisé.")
        else:
            self.stdout.write(f"Le compte « {identifiant} » n'avait pas de second facteur.")
