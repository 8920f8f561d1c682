"""Password rules beyond Django's: a password is refused when, once its decorations are taken away
(case, accents, digits and symbols at either end, look-alike digits), what is left is a common
password, in French (accounts/data/mots-de-passe-courants-fr.txt.gz) or in Django's own list.
"motdepasse123", "Soleil2024!" and "4zerty123456" fall; a passphrase does not."""

import gzip
import re
import unicodedata
from functools import cache
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

FRENCH_LIST = Path(__file__).resolve().parent / "data" / "mots-de-passe-courants-fr.txt.gz"
LOOK_ALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")
LEADING_DECORATION = re.compile(r"^[^\w@$]+")
TRAILING_DECORATION = re.compile(r"[\W\d_]+$")


def core(password):
    """The word a password is built on: lower case, no accents, no digits or symbols at the ends."""
    text = unicodedata.normalize("NFKD", password.lower())
    text = "".join(character for character in text if not unicodedata.combining(character))
    return DECORATION.sub("", text)


@cache
def french_common_passwords():
    with gzip.open(FRENCH_LIST, "rt", encoding="utf-8") as file:
        return frozenset(line.strip() for line in file if line.strip())


class CommonPasswordVariantsValidator(CommonPasswordValidator):
    """Django's common-password list, the French one, and their decorated variants."""

    def candidates(self, password):
        plain = core(password)
        # Look-alike digits count as letters inside the word ("4zerty"), not in the number after it.
        word = core(LEADING_DECORATION.sub("", TRAILING_DECORATION.sub("", password.lower())).translate(LOOK_ALIKES))
        return {password.lower().strip(), plain, plain.replace(" ", ""), word, core(password.translate(LOOK_ALIKES))}

    def validate(self, password, user=None):
        known = self.passwords | french_common_passwords()
        if any(candidate and candidate in known for candidate in self.candidates(password)):
            raise ValidationError(self.get_error_message(), code="password_too_common")

    def get_error_message(self):
        return (
            "Ce mot de passe est trop courant, même avec des chiffres ou des symboles autour : "
            "choisissez une phrase de plusieurs mots, connue de vous seulement."
        )

    def get_help_text(self):
        return "Votre mot de passe ne peut pas être un mot de passe courant, même avec des chiffres autour."
