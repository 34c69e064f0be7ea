"""Playwright driving Debian's Chromium (never a downloaded browser)."""
import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told this is safe (it is: one thread per test).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


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
