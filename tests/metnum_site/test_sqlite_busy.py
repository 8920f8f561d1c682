"""SQLite with another writer holding the lock: reads go on, a write waits the busy timeout and then
gets the 503 page in the site's shell, never a 500. Real processes on a real SQLite file."""

import json
import subprocess
import sys

import pytest
from django.db import connection

from tests.processes import kill, wait_for_line

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="verrou d'écriture propre à SQLite")

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
database = sqlite3.connect(sys.argv[1], isolation_level=None)
database.execute("BEGIN IMMEDIATE")
print("verrouillé", flush=True)
time.sleep(600)
"""
REQUESTS = """
import json
from django.test import Client
client = Client()
found = client.get("/offres/")  # reads: no lock to wait for
nothing = client.get("/offres/", {"q": "zzyzxqwv"})  # counts a search without result: a write
print(json.dumps({
    "read": found.status_code,
    "write": nothing.status_code,
    "retry": nothing.get("Retry-After"),
    "page": nothing.content.decode(),
}))
"""


def test_a_write_blocked_by_another_writer_gets_a_503_page_and_reads_go_on(shared_database):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(shared_database.path)], stdout=subprocess.PIPE, text=True
    )
    try:
        wait_for_line(holder, "verrouillé")
        outcome = json.loads(shared_database.python(REQUESTS, SQLITE_TIMEOUT="1").splitlines()[-1])
    finally:
        kill(holder)

    assert outcome["read"] == 200
    assert outcome["write"] == 503
    assert outcome["retry"] == "30"
    assert "<h1>Service momentanément occupé</h1>" in outcome["page"]
    assert "Traceback" not in outcome["page"]
