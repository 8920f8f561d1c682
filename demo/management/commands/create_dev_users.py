import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo import accounts, candidates

CREDENTIALS_FILE = settings.VAR_DIR / "dev-credentials.json"

# The demo accounts: (username, description, setup callable or None for an administrator).
DEV_ACCOUNTS = [
    ("admin", "administrateur (tous les droits)", None),
    (accounts.MINISTRY_EDITOR, "éditeur DINUM (ses offres, sa page)", accounts.setup_ministry_editor),
    (accounts.RECRUITER, "recrutement DINUM (candidatures, vivier)", accounts.setup_recruiter),
    (accounts.COMMS_EDITOR, "équipe éditoriale (tout le contenu)", accounts.setup_comms_editor),
]


class Command(BaseCommand):
    help = "Développement uniquement : crée les comptes de démonstration et affiche leurs identifiants."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Cette commande ne sert qu'en développement (DEBUG=True).")
        passwords = self._stored_passwords()
        User = get_user_model()
        self.stdout.write("Comptes de démonstration (développement uniquement) :")
        for username, description, setup in DEV_ACCOUNTS:
            password = passwords.setdefault(username, secrets.token_urlsafe(12))
            user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
            user.set_password(password)
            if setup is None:
                user.is_superuser = user.is_staff = True
            user.save()
            if setup is not None:
                setup(user)
            self.stdout.write(f"  {description:<40} identifiant : {username:<18} mot de passe : {password}")
        self.stdout.write(
            "Espace candidat (sans mot de passe) : demandez un lien sur /espace-candidat/connexion/ pour "
            + ", ".join(person["email"] for person in candidates.data()["candidates"])
            + " ; il s'affiche dans la console ou dans var/courriels/."
        )
        CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
        CREDENTIALS_FILE.write_text(json.dumps(passwords, indent=2))
        CREDENTIALS_FILE.chmod(0o600)

    def _stored_passwords(self):
        try:
            return json.loads(CREDENTIALS_FILE.read_text())
        except (FileNotFoundError, ValueError):
            return {}
