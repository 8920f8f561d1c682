"""Real-browser harness: the demo site served on a loopback port, Debian's Chromium driven by
Playwright, and axe-core run on every page a test visits.

The demo content is loaded once per session and committed, before any test starts its own
transaction (session fixtures come first), which is why tests/conftest.py runs this package last.
Each test then runs in a transaction like any database test: what a test writes is rolled back, and
on PostgreSQL the live server (another connection) does not see it. Data a browser test needs
belongs in the demo content.
"""

import email
import email.policy
import io
import os
import shutil
import threading
from pathlib import Path

import pytest
from django.conf import global_settings
from django.core.handlers.wsgi import get_path_info
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from django.test.utils import override_settings

from . import production_stack as production_stack_module
from .watch import PageWatch

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


class SettlingServer(ThreadedWSGIServer):
    """Knows how many connections it is still serving, so that a test can wait for the requests its
    page left behind (Wagtail's editing-session beacon, a late image) before its transaction is
    rolled back and the next test begins."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_flight = 0
        self.settled = threading.Condition()

    def process_request(self, request, client_address):
        with self.settled:
            self.in_flight += 1
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.settled:
                self.in_flight -= 1
                self.settled.notify_all()

    def wait_until_settled(self, timeout=15):
        with self.settled:
            return self.settled.wait_for(lambda: self.in_flight == 0, timeout)


class SerialStaticFilesHandler(_StaticFilesHandler):
    """On SQLite in memory, every request thread shares the test's one connection, and two requests
    interleaving their savepoints break its transaction: Django requests run one at a time there.
    Static files, which need no database, are still served in parallel."""

    serial = threading.Lock()

    def __call__(self, environ, start_response):
        if self._should_handle(get_path_info(environ)):
            return super().__call__(environ, start_response)
        with self.serial:
            return super().__call__(environ, start_response)


class DemoSiteServer(LiveServerThread):
    server_class = SettlingServer


@pytest.fixture(scope="session")
def live_server_thread(django_db_setup, django_db_blocker):
    """The demo site served by a live server thread for the whole session."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        connections_override = {
            conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in connections_override.values():
            conn.inc_thread_sharing()
        handler = SerialStaticFilesHandler if connections_override else _StaticFilesHandler
        server = DemoSiteServer("127.0.0.1", handler, connections_override=connections_override, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        # Absolute addresses (offer pages' links and JSON-LD, feeds) name SITE_URL: this server here.
        public_address = override_settings(SITE_URL=f"http://127.0.0.1:{server.port}")
        public_address.enable()
        yield server
        public_address.disable()
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


@pytest.fixture(scope="session")
def production_stack(live_server_thread, tmp_path_factory):
    """The production stack (tests/browser/production_stack.py) when BROWSER_TESTS_STACK=production,
    serving the demo content the live server's fixture loaded; None otherwise."""
    if not production_stack_module.requested():
        yield None
        return
    # Passwords the tests set must be hashed with a hasher the production settings know.
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        stack = production_stack_module.ProductionStack(tmp_path_factory.mktemp("production")).start()
        yield stack
        stack.stop()


@pytest.fixture(scope="session")
def site_url(live_server_thread, production_stack):
    if production_stack is not None:
        return production_stack.url
    return f"http://127.0.0.1:{live_server_thread.port}"


def _browser_page(browser, live_server_thread, **options):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 900}, ignore_https_errors=True, **options
    )
    page = context.new_page()
    watch = PageWatch(page)
    yield page
    context.close()
    # The test's transaction ends after this fixture: let the requests still running finish inside it.
    live_server_thread.httpd.wait_until_settled()
    watch.assert_clean()


@pytest.fixture
def sent_emails(production_stack):
    """A function returning the emails the site sent during the test, as (recipients, plain text):
    from Django's test outbox under the live server thread, from the files of the production stack's
    file backend otherwise."""
    from django.core import mail

    mail.outbox = []
    already = (
        set(production_stack.mail_dir.glob("*.log"))
        if production_stack and production_stack.mail_dir.exists()
        else set()
    )

    def read():
        if production_stack is None:
            return [(message.to, message.body) for message in mail.outbox]
        found = []
        for path in sorted(set(production_stack.mail_dir.glob("*.log")) - already):
            # The file backend writes each message followed by a line of 79 dashes.
            for chunk in path.read_text(encoding="utf-8").split("-" * 79):
                if chunk.strip():
                    message = email.message_from_bytes(chunk.lstrip().encode(), policy=email.policy.default)
                    found.append(plain_text_of(message))
        return found

    return read


def plain_text_of(message):
    recipients = [address.strip() for address in message["To"].split(",")]
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return recipients, part.get_content()
    return recipients, ""


@pytest.fixture
def page(browser, live_server_thread):
    yield from _browser_page(browser, live_server_thread)


@pytest.fixture
def page_without_js(browser, live_server_thread):
    yield from _browser_page(browser, live_server_thread, java_script_enabled=False)


@pytest.fixture
def browser_page(browser, live_server_thread, javascript):
    """A page with or without JavaScript, after the test's `javascript` parameter. One context only:
    a test holding both `page` and `page_without_js` waited, when the first closed, for the other's
    open connections (15 s)."""
    yield from _browser_page(browser, live_server_thread, java_script_enabled=javascript)


AXE_SOURCE = None


def wait_until(page, condition, timeout_ms=30_000):
    """Playwright's wait_for_function evaluates its predicate with eval(), which the site's
    Content-Security-Policy refuses; this polls `condition` from an evaluate() call instead."""
    script = f"""() => new Promise((resolve, reject) => {{
        const started = performance.now();
        const check = () => {{
            if ({condition}) return resolve(true);
            if (performance.now() - started > {timeout_ms}) return reject(new Error("délai dépassé"));
            requestAnimationFrame(check);
        }};
        check();
    }})"""
    page.evaluate(script)


def axe_violations(page, context=None):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_playwright_python

        AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    # Colours measured in the middle of a CSS transition (theme switch, modal opening) are wrong: the
    # animations are brought to their end, as the person sees the page once they stop (waiting for them
    # took 25 s on the admin pages, whose "new" badge pings five times five seconds).
    page.evaluate(
        """() => document.getAnimations().forEach(animation => {
            try { animation.finish(); } catch (endless) { animation.cancel(); }
        })"""
    )
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
    from playwright.sync_api import expect

    # A page a click is still loading: axe reads it once it is there (it used to find no `main` yet).
    page.wait_for_load_state()
    if context:
        page.locator(context).first.wait_for(state="attached")
    # A search being refreshed dims its results (aria-busy): axe reads the page once it is done.
    expect(page.locator("[aria-busy=true]")).to_have_count(0)
    violations = axe_violations(page, context)
    assert not violations, "axe-core :\n" + format_violations(violations)
