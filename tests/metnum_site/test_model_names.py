"""Every model of the project names itself in French, singular and plural: Wagtail's admin builds
its titles, buttons, filters and messages from these names (« Index des guidess » otherwise, or
« story page tag »)."""

from pathlib import Path

from django.apps import apps
from django.conf import settings


def is_project_app(app_config):
    """An app of this repository (a new one is checked without being listed here)."""
    path = Path(app_config.path).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and ".venv" not in path.parts


def test_every_project_model_sets_its_french_names():
    unnamed = [
        f"{model._meta.label}: {name}"
        for model in apps.get_models()
        if is_project_app(model._meta.app_config)
        for name in ("verbose_name", "verbose_name_plural")
        if name not in model._meta.original_attrs
    ]
    assert not unnamed, "noms à donner en français :\n" + "\n".join(unnamed)
