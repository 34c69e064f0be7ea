"""The API documentation page in Chromium: Swagger UI renders the document under the site's
Content-Security-Policy (tests/api/test_docs_page.py checks the page's HTML), in French and in
English, and axe-core finds no violation at any impact, on a phone and a laptop."""
import pytest

from tests.browser.pages import DESKTOP, PHONE, page_problems
from tests.browser.test_content_security_policy import violations_of


@pytest.mark.browser
def test_swagger_ui_renders_the_document_under_the_policy(page, live_server):
    found = violations_of(page)
    page.goto(live_server.url + "/api/v1/docs/")
    # Swagger UI fetched /api/v1/openapi.json and rendered its operations.
    page.wait_for_selector("#operations-programmes-programmes_list", state="attached")
    assert page.locator(".opblock").count() == 12
    page.wait_for_load_state("networkidle")
    assert found == []


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
@pytest.mark.parametrize("path, lang, title", [("/api/v1/docs/", "fr", "Documentation de l'API"),
                                               ("/en/api/v1/docs/", "en", "API documentation")])
def test_the_docs_pass_axe_in_both_languages(browser, live_server, viewport, path, lang, title):
    # bypass_csp: for axe's injected script only (the previous test checks the page under its policy).
    context = browser.new_context(viewport=viewport, locale="fr-FR", bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + path)
    page.wait_for_selector("#operations-programmes-programmes_list", state="attached")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text() == title
    # One operation unfolded, as a reader would: its parameters and "Try it out" are checked too.
    page.locator("#operations-programmes-programmes_list button.opblock-summary-control").click()
    page.wait_for_selector(".parameters-container")
    problems = page_problems(page, "one operation")
    # "Try it out" enables the parameter fields: still named, still on the screen.
    page.locator("#operations-programmes-programmes_list .try-out__btn").click()
    page.wait_for_selector("#operations-programmes-programmes_list .execute")
    problems += page_problems(page, "try it out")
    context.close()
    assert problems == []
