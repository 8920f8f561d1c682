"""Small helpers to read settings from the environment with explicit types."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "oui"}
_FALSE = {"0", "false", "no", "off", "non", ""}


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"La variable d'environnement {name} est obligatoire.")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false, pas {value!r}.")


def _env_number(name, default, convert, expected):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return convert(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} doit être {expected}, pas {value!r}.") from error


def env_int(name, default=None):
    return _env_number(name, default, int, "un nombre entier")


def env_float(name, default=None):
    return _env_number(name, default, float, "un nombre (par exemple 0.3)")


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
