"""Language by address: French at /…, English at /en/…, hreflang links, the offer of English."""
import re

import pytest

from tests.factories import ProgrammeFactory


def lang(response):
    return re.search(r'<html lang="(\w+)">', response.content.decode()).group(1)


def alternates(response):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', response.content.decode()))


@pytest.mark.parametrize("url, language", [("/", "fr"), ("/en/", "en"), ("/programmes/", "fr"), ("/en/programmes/", "en"),
                                           ("/en/acteurs/", "en"), ("/en/projets/", "en"), ("/en/statistiques/", "en")])
def test_the_address_says_the_language(client, db, url, language):
    response = client.get(url)
    assert response.status_code == 200 and lang(response) == language and response["Content-Language"] == language


def test_the_address_wins_over_the_cookie_and_the_cookie_over_the_default(client, db):
    client.cookies["django_language"] = "fr"
    assert lang(client.get("/en/programmes/")) == "en"
    client.cookies["django_language"] = "en"
    assert lang(client.get("/programmes/")) == "en"  # an explicit choice is kept on French addresses


def test_links_of_an_english_page_stay_in_english(client, tree):
    ProgrammeFactory(slug="appel")
    html = client.get("/en/programmes/").content.decode()
    assert 'href="/en/programmes/appel/"' in html and 'href="/en/acteurs/"' in html
    assert client.get("/en/programmes/appel/").status_code == 200


def test_every_public_page_names_its_other_language(client, settings, tree):
    settings.SITE_URL = "https://annuaire.example.fr"
    ProgrammeFactory(slug="appel")
    assert alternates(client.get("/programmes/appel/")) == {
        "fr": "https://annuaire.example.fr/programmes/appel/", "en": "https://annuaire.example.fr/en/programmes/appel/",
        "x-default": "https://annuaire.example.fr/programmes/appel/",
    }
    english = alternates(client.get("/en/programmes/?region=53&kind=ami"))
    assert english["fr"] == "https://annuaire.example.fr/programmes/?region=53&amp;kind=ami"
    assert english["en"] == "https://annuaire.example.fr/en/programmes/?region=53&amp;kind=ami"
    client.cookies["django_language"] = "en"  # an English page at a French address: the same links
    assert alternates(client.get("/programmes/appel/"))["en"] == "https://annuaire.example.fr/en/programmes/appel/"


def test_the_admin_has_no_language_alternates(admin_client):
    assert alternates(admin_client.get("/admin/")) == {}


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, tree):
    ProgrammeFactory(slug="appel")
    to_english = client.post("/i18n/setlang/", {"language": "en", "next": "/programmes/appel/?x=1"})
    assert to_english.status_code == 302 and to_english["Location"] == "/en/programmes/appel/?x=1"
    to_french = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/programmes/appel/"})
    assert to_french["Location"] == "/programmes/appel/"


@pytest.mark.parametrize("header", ["en", "en-GB,en;q=0.9,fr;q=0.5", "de-DE,en;q=0.8"])
def test_an_english_browser_is_offered_the_english_home(client, db, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200 and lang(response) == "fr"  # offered, not redirected
    assert '<p class="language-offer"><a href="/en/" hreflang="en" lang="en">' in response.content.decode()
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("header, cookie, url", [
    ("fr-FR,fr;q=0.9,en;q=0.8", None, "/"),  # prefers French
    ("en", "fr", "/"),  # chose French: never overridden
    ("en", None, "/en/"),  # already English: no loop
    ("en", None, "/programmes/"),  # only the home offers
    ("xx;q=0.5,,;;q=abc", None, "/"),  # a malformed header is no error
])
def test_no_offer_otherwise(client, db, header, cookie, url):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200 and "language-offer" not in response.content.decode()


def test_the_offer_is_cached_apart_from_the_plain_home(client, settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    plain = client.get("/").content
    offered = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content
    assert b"language-offer" in offered and b"language-offer" not in plain
    assert b"language-offer" not in client.get("/").content


def test_feeds_and_exports_keep_their_french_addresses(client, db):
    for url in ("/programmes/feed/", "/programmes/calendar.ics", "/programmes/export.csv", "/acteurs/export.csv"):
        assert client.get(url).status_code == 200, url
