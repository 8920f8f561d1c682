from axes.utils import reset
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Débloque un compte de l'administration (ou une adresse IP) bloqué après trop de tentatives."

    def add_arguments(self, parser):
        parser.add_argument("identifiant", nargs="?", help="Identifiant du compte à débloquer.")
        parser.add_argument("--ip", help="Adresse IP à débloquer.")

    def handle(self, *args, identifiant=None, ip=None, **options):
        if not identifiant and not ip:
            self.stderr.write("Indiquez un identifiant de compte, ou une adresse avec --ip.")
            raise SystemExit(2)
        count = 0
        if identifiant:
            count += reset(username=identifiant)
        if ip:
            count += reset(ip=ip)
        targets = [f"le compte « {identifiant} »" if identifiant else "", f"l'adresse {ip}" if ip else ""]
        target = " et ".join(filter(None, targets))
        self.stdout.write(f"Débloqué : {target}." if count else f"Rien à débloquer pour {target}.")
