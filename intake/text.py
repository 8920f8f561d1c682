"""Small text helpers shared by the adapters, the filter and the employer matching."""

import re
import unicodedata

SPACES = re.compile(r"\s+")


def normalised(value):
    """Lower case, no accents, straight apostrophes, single spaces: « Système d’Information » →
    "systeme d'information"."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = text.replace("\u2019", "'").replace("\u02bc", "'").casefold()
    return SPACES.sub(" ", text).strip()


def one_line(value):
    return SPACES.sub(" ", str(value or "")).strip()
