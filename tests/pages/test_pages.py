"""Site pages, robots.txt, sitemap.xml and the favicon."""
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from tests.factories import ActorFactory, ProgrammeFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("url, heading", [
    ("/accessibilite/", "Déclaration d'accessibilité"), ("/mentions-legales/", "Mentions légales"),
    ("/contact/", "Contact"), ("/plan-du-site/", "Plan du site"), ("/aide/recherche/", "Aide à la recherche"),
])
def test_site_pages_answer_in_french_and_english(client, db, url, heading):
    html = client.get(url).content.decode().replace("&#x27;", "'")
    assert f"<h1>{heading}</h1>" in html
    assert client.get("/en" + url).status_code == 200


def test_the_accessibility_statement_has_the_usual_sections(client, db):
    html = client.get("/accessibilite/").content.decode().replace("&#x27;", "'")
    for section in ("Accessibilité : partiellement conforme", "État de conformité", "Contenus non accessibles",
                    "Établissement de cette déclaration", "Retour d'information et contact", "Voies de recours",
                    "Schéma pluriannuel", "Plan d'action"):
        assert section in html, section


def test_publisher_host_and_contact_come_from_the_settings(client, settings, db):
    settings.SITE_PUBLISHER, settings.SITE_HOST, settings.CONTACT_EMAIL = "Région Test", "Hébergeur SA, Paris", "ecrire@example.org"
    legal = client.get("/mentions-legales/").content.decode()
    assert "Région Test" in legal and "Hébergeur SA, Paris" in legal and 'href="mailto:ecrire@example.org"' in legal
    assert 'href="mailto:ecrire@example.org"' in client.get("/contact/").content.decode()


def test_the_footer_links_the_site_pages(client, db):
    html = client.get("/").content.decode()
    for url in ("/accessibilite/", "/mentions-legales/", "/contact/", "/plan-du-site/", "/statistiques/", "/aide/recherche/"):
        assert f'href="{url}"' in html


def test_the_search_help_states_the_parser_s_rules(client, db):
    """The page's figures are the parser's and the listing's: it fails when they change without it."""
    from programmes.filters import ProgrammeFilter
    from search.query import MAX_CLAUSES, OR_WORDS, PREFIX_MIN

    html = client.get("/aide/recherche/").content.decode().replace("&#x27;", "'").replace("\u202f", " ").replace("&nbsp;", " ")
    assert {word.upper() for word in OR_WORDS} == {"OU", "OR"} and "OU entre deux mots (ou OR)" in html
    assert f"{PREFIX_MIN} lettres au moins" in html and f"au-delà de {MAX_CLAUSES} mots" in html
    assert f"{ProgrammeFilter.RANKED_RESULTS:,}".replace(",", " ") + " programmes" in html
    assert 'href="/programmes/?q=%22appel%20%C3%A0%20projets%22"' in html


def test_the_search_help_lists_the_synonyms_editors_keep(client, db):
    from search.models import Synonym

    Synonym.objects.create(expressions="ARS | agence régionale de santé")
    html = client.get("/aide/recherche/").content.decode()
    assert "ARS = agence régionale de santé" in html and "IA = intelligence artificielle" in html
    english = client.get("/en/aide/recherche/").content.decode()
    assert "<h1>Search help</h1>" in english and "ARS = agence régionale de santé" in english


def test_robots_txt_keeps_crawlers_off_the_admin_and_the_exports(client, settings, db):
    settings.SITE_URL = "https://annuaire.example.fr"
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for rule in ("Disallow: /admin/", "Disallow: /programmes/export.csv", "Disallow: /programmes/feed/",
                 "Disallow: /programmes/calendar.ics", "Disallow: /en/programmes/export.csv", "Disallow: /statistiques/*.csv"):
        assert rule in lines
    assert "Disallow: /" not in lines and "Disallow: /programmes/" not in lines
    assert "Sitemap: https://annuaire.example.fr/sitemap.xml" in lines


def test_sitemap_lists_public_pages_in_both_languages_at_site_url(client, settings, tree):
    settings.SITE_URL = "https://annuaire.example.fr"
    ProgrammeFactory(slug="visible")
    ProgrammeFactory(slug="brouillon", publication_state="draft")
    ActorFactory(slug="acteur-public")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sections == [f"https://annuaire.example.fr/sitemap-{s}.xml" for s in ("pages", "programmes", "actors")]
    programmes = ET.fromstring(client.get("/sitemap-programmes.xml").content)
    locations = [loc.text for loc in programmes.iter(f"{SITEMAP}loc")]
    assert locations == ["https://annuaire.example.fr/programmes/visible/", "https://annuaire.example.fr/en/programmes/visible/"]
    alternates = {link.get("hreflang"): link.get("href") for link in programmes.iter(f"{XHTML}link")}
    assert alternates["x-default"] == "https://annuaire.example.fr/programmes/visible/"
    pages = [loc.text for loc in ET.fromstring(client.get("/sitemap-pages.xml").content).iter(f"{SITEMAP}loc")]
    for path in ("/", "/programmes/", "/acteurs/", "/projets/", "/statistiques/", "/accessibilite/", "/en/plan-du-site/",
                 "/aide/recherche/", "/en/aide/recherche/"):
        assert "https://annuaire.example.fr" + path in pages
    actors = ET.fromstring(client.get("/sitemap-actors.xml").content)
    assert "https://annuaire.example.fr/acteurs/acteur-public/" in [loc.text for loc in actors.iter(f"{SITEMAP}loc")]
    assert client.get("/sitemap-inconnu.xml").status_code == 404


def test_favicon_svg_in_every_page_and_ico_route(client, db):
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.ico"


def _pixels(ico_bytes):
    """The raw pixel rows of the PNG inside a one-image ICO (compressed bytes may differ by zlib)."""
    png = ico_bytes[22:]
    length = int.from_bytes(png[33:37], "big")
    assert png[37:41] == b"IDAT"
    return zlib.decompress(png[41:41 + length])


def test_the_shipped_favicon_is_the_drawn_mark():
    from pages.favicon import SIZE, ico

    shipped = (Path(__file__).resolve().parents[2] / "static" / "favicon.ico").read_bytes()
    assert shipped[:6] == b"\0\0\1\0\1\0" and shipped[22:30] == b"\x89PNG\r\n\x1a\n"
    assert _pixels(shipped) == _pixels(ico()) and len(_pixels(shipped)) == SIZE * (1 + 4 * SIZE)
