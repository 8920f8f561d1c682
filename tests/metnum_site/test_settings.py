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
        REDIS_URL="redis://127.0.0.1:6379/0",
        **PRODUCTION,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr


def test_production_without_redis_says_its_pages_are_not_cached():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="metiers.numerique.gouv.fr",
        SECURITY_CONTACT="mailto:securite@numerique.gouv.fr",
        REDIS_URL="",
        **PRODUCTION,
    )  # fmt: skip

    assert result.returncode != 0
    assert "metnum.W003" in result.stderr and "REDIS_URL est vide" in result.stderr


def test_production_public_address_comes_from_the_allowed_host_or_must_be_given():
    show = ["shell", "-c", "from django.conf import settings; print(settings.SITE_URL)"]
    secret = "a-long-random-production-secret-key-0123456789-abcdefghijklmnop"
    unset = {"SITE_URL": "", "WAGTAILADMIN_BASE_URL": ""}

    derived = manage(*show, SECRET_KEY=secret, ALLOWED_HOSTS="metiers.numerique.gouv.fr,x.fr", **unset, **PRODUCTION)
    given = manage(*show, SECRET_KEY=secret, ALLOWED_HOSTS="*", SITE_URL="https://emplois.gouv.fr/", **PRODUCTION)
    refused = manage(*show, SECRET_KEY=secret, ALLOWED_HOSTS=".gouv.fr", **unset, **PRODUCTION)

    assert derived.stdout.strip().endswith("https://metiers.numerique.gouv.fr"), derived.stderr
    assert given.stdout.strip().endswith("https://emplois.gouv.fr"), given.stderr
    assert refused.returncode != 0 and "SITE_URL est obligatoire" in refused.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {"SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop", "ALLOWED_HOSTS": "x.fr"}
    del env[missing]

    result = manage("check", **env, **PRODUCTION)

    assert result.returncode != 0
    assert f"{missing} est obligatoire" in result.stderr


SECRETS = {
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "metiers.numerique.gouv.fr",
    "SECURITY_CONTACT": "mailto:securite@numerique.gouv.fr",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # without it, check --deploy warns that pages are not cached
}


def test_media_go_to_the_s3_bucket_when_one_is_named():
    bucket = {
        "AWS_STORAGE_BUCKET_NAME": "metnum-medias",
        "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        "AWS_S3_REGION_NAME": "fr-par",
    }
    show = (
        "from django.conf import settings; from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.url('original_images/logo.png'));"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], settings.ADMIN_CSP['img-src'])"
    )

    result = manage("shell", "-v", "0", "-c", show, **SECRETS, **bucket, **PRODUCTION)
    deploy_check = manage("check", "--deploy", "--fail-level", "WARNING", **SECRETS, **bucket, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    storage, policies = result.stdout.splitlines()
    assert storage.startswith(
        "S3Storage metnum-medias https://s3.fr-par.scw.cloud/metnum-medias/original_images/logo.png"
    )
    assert policies.count("'https://s3.fr-par.scw.cloud'") == 2
    assert deploy_check.returncode == 0, deploy_check.stderr


def test_media_stay_in_media_root_without_a_bucket():
    show = "from django.core.files.storage import storages; print(type(storages['default']).__name__)"

    result = manage("shell", "-v", "0", "-c", show, **SECRETS, **PRODUCTION)

    assert result.stdout.strip() == "FileSystemStorage", result.stderr


@pytest.mark.django_db
def test_postgresql_sessions_compile_no_statement_just_in_time():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL seulement")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def database_options(url):
    from metnum_site.settings.base import database_from_url

    return database_from_url(url)["OPTIONS"].get("options")


def test_server_options_of_the_database_address_keep_jit_off():
    assert database_options("postgres://u@h/db") == "-c jit=off"
    assert database_options("postgres://u@h/db?options=-c%20statement_timeout%3D5000") == (
        "-c statement_timeout=5000 -c jit=off"
    )
    # An address that chooses for itself is obeyed.
    assert database_options("postgres://u@h/db?options=-c%20jit%3Don") == "-c jit=on"
