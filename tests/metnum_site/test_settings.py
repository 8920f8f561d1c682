import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {"DJANGO_SETTINGS_MODULE": "metnum_site.settings.production"}


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="metiers.numerique.gouv.fr",
        SECURITY_CONTACT="mailto:securite@numerique.gouv.fr",
        **PRODUCTION,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {"SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop", "ALLOWED_HOSTS": "x.fr"}
    del env[missing]

    result = manage("check", **env, **PRODUCTION)

    assert result.returncode != 0
    assert f"{missing} est obligatoire" in result.stderr
