"""Every model of the project names itself in French, singular and plural: Wagtail's admin builds
its titles, buttons, filters and messages from these names (« Index des guidess » otherwise, or
« story page tag »)."""

from django.apps import apps

PROJECT_APPS = {"accounts", "alerts", "demo", "editorial", "home", "jobs", "search"}


def test_every_project_model_sets_its_french_names():
    unnamed = [
        f"{model._meta.label}: {name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for name in ("verbose_name", "verbose_name_plural")
        if name not in model._meta.original_attrs
    ]
    assert not unnamed, "noms à donner en français :\n" + "\n".join(unnamed)
