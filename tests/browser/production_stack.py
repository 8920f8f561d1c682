"""The site served the way docs/deploy.md deploys it, for the browser tests to drive:
production settings, `collectstatic` into WhiteNoise's compressed manifest storage, gunicorn, and
the test's PostgreSQL database. Chosen with BROWSER_TESTS_STACK=production (`.ci/run` sets it for its
PostgreSQL browser run); the default is Django's live server thread.

Two stand-ins for what sits in front of gunicorn in production: TLS is terminated by gunicorn itself
with a certificate made for the run (trustme), and /media/ is served by a small WSGI wrapper, as the
HTTPS proxy would (tests/browser/production_wsgi.py). Background tasks run immediately instead of in
a `db_worker` process, so that an edit made in the browser is searchable at once."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from ssl import create_default_context

from django.conf import settings
from django.db import connection

REPOSITORY = Path(__file__).resolve().parents[2]


def requested():
    return os.environ.get("BROWSER_TESTS_STACK", "").strip() == "production"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    if connection.vendor != "postgresql":
        raise RuntimeError("BROWSER_TESTS_STACK=production demande PostgreSQL (DATABASE_URL=postgres://…).")
    db = connection.settings_dict
    user, host, port = db["USER"] or "postgres", db["HOST"] or "127.0.0.1", db["PORT"] or "5432"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


class ProductionStack:
    def __init__(self, workdir):
        import trustme

        self.workdir = Path(workdir)
        self.port = free_port()
        self.mail_dir = self.workdir / "courriels"
        authority = trustme.CA()
        certificate = authority.issue_cert("127.0.0.1")
        self.cert, self.key = self.workdir / "cert.pem", self.workdir / "key.pem"
        certificate.private_key_and_cert_chain_pem.write_to_path(self.cert)
        certificate.private_key_pem.write_to_path(self.key)
        self.ssl_context = create_default_context()
        authority.configure_trust(self.ssl_context)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "metnum_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{self.port}",
            "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{self.port}",
            "DATABASE_URL": database_url(),
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "TASKS_BACKEND": "immediate",
            # Emails go to files the tests read (sent_emails in conftest.py), as the demo's do.
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "SECURITY_CONTACT": os.environ.get("SECURITY_CONTACT", "mailto:securite@example.gouv.fr"),
        }
        self.process = None

    @property
    def url(self):
        return f"https://127.0.0.1:{self.port}"

    def start(self):
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPOSITORY, env=self.env, check=True
        )
        self.process = subprocess.Popen(
            [
                str(Path(python).with_name("gunicorn")),
                "tests.browser.production_wsgi:application",
                "--workers",
                "3",
                "--threads",
                "4",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--certfile",
                str(self.cert),
                "--keyfile",
                str(self.key),
                "--log-level",
                "warning",
            ],
            cwd=REPOSITORY,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn s'est arrêté au démarrage")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", context=self.ssl_context, timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn ne répond pas")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
