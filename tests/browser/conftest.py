"""Real-browser harness: the demo site served on a loopback port, Debian's Chromium driven by
Playwright, and axe-core run on every page a test visits.

The demo content is loaded once per session and committed, before any test starts its own
transaction (session fixtures come first), which is why tests/conftest.py runs this package last.
Each test then runs in a transaction like any database test: what a test writes is rolled back, and
on PostgreSQL the live server (another connection) does not see it. Data a browser test needs
belongs in the demo content.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread, _StaticFilesHandler

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) is None:
        reason = f"tests navigateur ignorés : Chromium introuvable ({CHROMIUM}) ; installez le paquet Debian chromium"
        for item in items:
            if "tests/browser/" in str(item.path):
                item.add_marker(pytest.mark.skip(reason=reason))
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """Base URL of the demo site, served by a live server thread for the whole session."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        connections_override = {
            conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in connections_override.values():
            conn.inc_thread_sharing()
        server = LiveServerThread("127.0.0.1", _StaticFilesHandler, connections_override=connections_override, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()
        for conn in connections_override.values():
            conn.dec_thread_sharing()
        _close_request_threads_connections()


def _close_request_threads_connections():
    """Request threads still finishing when the server stops keep their PostgreSQL sessions open,
    which would stop pytest-django from dropping the test database."""
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        # Playwright runs the tests in greenlets, which have their own context: this connection
        # object is not the one pytest-django closes before dropping the database.
        connection.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the main thread; the tests still talk to the
    # database synchronously from that thread, which Django refuses unless told otherwise.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


AXE_SOURCE = None


def axe_violations(page, context=None):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_playwright_python

        AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    # Colours measured in the middle of a CSS transition (theme switch, modal opening) are wrong.
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "([context, tags]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags}})",
        [context, WCAG_21_AA],
    )
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return "\n".join(lines)


def assert_accessible(page, context=None):
    violations = axe_violations(page, context)
    assert not violations, "axe-core :\n" + format_violations(violations)
