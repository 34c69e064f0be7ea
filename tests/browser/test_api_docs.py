"""The API documentation page in Chromium: Swagger UI renders the document under the site's
Content-Security-Policy (tests/api/test_docs_page.py checks the page's HTML)."""
import pytest

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
