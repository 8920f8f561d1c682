"""Real processes on a real database, for what only shows between processes: import locks, an
import killed with kill -9, concurrent writers on SQLite.

`shared_database` is a database other processes can open: on PostgreSQL the test database (the test
then runs outside a transaction, like `transactional_db`); on SQLite a file in the test's temporary
folder, copied from one migrated once per session. Both hold the demo employers (without logos).
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = "metnum_site.settings.test"
EMPLOYERS = "from demo.institutions import ensure_institutions; ensure_institutions(with_logos=False)"


@dataclass
class Database:
    url: str
    vendor: str
    path: Path | None = None  # the SQLite file

    def environment(self, **extra):
        return dict(os.environ, DJANGO_SETTINGS_MODULE=SETTINGS, DATABASE_URL=self.url, **extra)

    def start(self, *arguments, **extra):
        """`manage.py arguments…` started in a process of its own."""
        return subprocess.Popen(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment(**extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def manage(self, *arguments, timeout=300, **extra):
        """(exit status, stdout, stderr) of `manage.py arguments…` run to its end."""
        process = self.start(*arguments, **extra)
        out, err = process.communicate(timeout=timeout)
        return process.returncode, out, err

    def scalar(self, sql, parameters=()):
        """The one value `sql` selects, read at once (no process to start: fast enough to poll)."""
        if self.vendor == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as reader:
                return reader.execute(sql, parameters).fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), parameters)
            return cursor.fetchone()[0]

    def python(self, code, **extra):
        """The standard output of `code`, run by `manage.py shell` (which must succeed)."""
        status, out, err = self.manage("shell", "--no-imports", "-c", code, **extra)
        assert status == 0, err
        return out


def wait_for_line(process, expected, timeout=60):
    """Read the process's output until a line equals `expected`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip() == expected:
            return
        if not line and process.poll() is not None:
            raise AssertionError(f"Le processus s'est arrêté ({process.returncode}) : {process.stderr.read()}")
    raise AssertionError(f"« {expected} » n'est pas venu en {timeout} s")


def kill(process):
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    database = Database(f"sqlite:///{path}", "sqlite", path)
    status, _, err = database.manage("migrate", "--verbosity", "0")
    assert status == 0, err
    database.python(EMPLOYERS)
    return path


@pytest.fixture
def shared_database(request, tmp_path):
    if connection.vendor == "postgresql":
        request.getfixturevalue("transactional_db")
        settings = connection.settings_dict
        credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
        url = f"postgres://{credentials}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
        database = Database(url, "postgresql")
        database.python(EMPLOYERS)
        return database
    path = tmp_path / "metnum.sqlite3"
    shutil.copy(request.getfixturevalue("migrated_sqlite"), path)
    return Database(f"sqlite:///{path}", "sqlite", path)
