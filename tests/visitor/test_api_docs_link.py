"""The API documentation is linked from every page's footer and exists in English (issue 24, item 10)."""
import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_links_the_api_docs_in_the_pages_language(client):
    assert '<a href="/api/v1/docs/">API (données ouvertes)</a>' in client.get("/").content.decode()
    assert '<a href="/en/api/v1/docs/">API (open data)</a>' in client.get("/en/").content.decode()


def test_the_docs_page_in_both_languages(client):
    french = client.get("/api/v1/docs/").content.decode()
    assert '<html lang="fr">' in french and "<h1>Documentation de l'API</h1>" in french
    assert '<a href="/en/api/v1/docs/" hreflang="en" lang="en">English</a>' in french
    english = client.get("/en/api/v1/docs/").content.decode()
    assert '<html lang="en">' in english and "<h1>API documentation</h1>" in english and "Read-only JSON API" in english
    assert '<a href="/api/v1/docs/" hreflang="fr" lang="fr">Français</a>' in english
