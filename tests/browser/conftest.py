"""Playwright driving Debian's Chromium (never a downloaded browser)."""
import os
import shutil

import pytest
from django.core.servers.basehttp import WSGIServer

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told this is safe (it is: one thread per test).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class OneRequestAtATime(WSGIServer):
    """The live servers' HTTP server, answering one request at a time, each on its own connection.

    With SQLite's in-memory test database every request thread shares the test's one connection;
    two threads using it at once can deadlock (a page and the map it fetches, seen in CI)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)  # the server's thread already uses the overridden connections


@pytest.fixture(scope="session", autouse=True)
def live_servers_answer_one_request_at_a_time():
    from django.test.testcases import LiveServerThread

    threaded, LiveServerThread.server_class = LiveServerThread.server_class, OneRequestAtATime
    yield
    LiveServerThread.server_class = threaded


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def demo_live(live_server, transactional_db):
    from programmes.demo import load_demo_data

    load_demo_data()
    return live_server


@pytest.fixture(scope="session")
def site_server(django_db_setup):
    """A live server of the browser tests' own, for `demo_site`: pytest-django's `live_server`
    makes every test that uses it transactional, emptying the tables after each."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="module")
def demo_site(site_server, django_db_blocker):
    """The demo data committed once for a module whose tests only read it (a test that writes
    uses `demo_live`), emptied at the module's end as a transactional test leaves the tables:
    such modules run last, as transactional ones do."""
    from django.core.management import call_command

    from programmes.demo import load_demo_data

    with django_db_blocker.unblock():
        load_demo_data()
    yield site_server
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def open_page(browser):
    """A page of its own context at a given size (the CSP bypassed for axe's injected script only)."""
    contexts = []

    def open_page(viewport):
        contexts.append(browser.new_context(viewport=viewport, locale="fr-FR", bypass_csp=True))
        page = contexts[-1].new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()
