"""From finding to applying (issue 24) in Chromium, on a phone and a laptop: a programme page's
main action sits under its title, English pages mark the French entries `lang="fr"`, and axe-core
finds no violation at any impact."""
import datetime as dt

import pytest

from tests.browser.pages import DESKTOP, PHONE, page_problems

# Each test in a transaction of its own (rolled back) on the demo data `demo_site` committed once.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
# The demo's own entries: an official site, an operator's e-mail, only an operator.
ACTIONS = {
    "assises-regionales-sante-2023-auvergne-rhone-alpes": ("https://www.assisesregionales-sante.fr", "Voir le site officiel"),
    "feuille-de-route-sante-rennes-metropole": ("mailto:c.queron@rennesmetropole.fr", "Contacter l'opérateur par courriel"),
    "plateformes-technologiques-sante-rouen": ("/acteurs/metropole-rouen-normandie/", "Contacter l'opérateur : Métropole Rouen Normandie"),
}


@VIEWPORTS
def test_the_main_action_is_under_the_title_on_the_first_screen(open_page, demo_site, viewport, settings):
    settings.DEMO_DATE = dt.date(2022, 6, 15)  # as `make run`: the demo's banner is checked with the page
    page = open_page(viewport)
    problems = []
    for slug, (href, text) in ACTIONS.items():
        page.goto(f"{demo_site.url}/programmes/{slug}/")
        assert page.locator(".demo-banner").inner_text().startswith("Démonstration au 15 juin 2022")
        action = page.locator("p.main-action a")
        assert action.count() == 1, slug
        assert (action.get_attribute("href"), action.inner_text()) == (href, text)
        title, box = page.locator("h1").bounding_box(), action.bounding_box()
        assert title["y"] < box["y"] and box["y"] + box["height"] <= viewport["height"], f"{slug}: {box}"
        assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.5.8 target size
        problems += page_problems(page, slug)
    assert problems == []


ENGLISH_PAGES = [
    "/en/programmes/technopole-sante-dijon/",
    "/en/acteurs/metropole-rouen-normandie/",
    "/en/projets/",
    "/en/",
]


@VIEWPORTS
def test_english_pages_mark_french_entries(open_page, demo_site, viewport):
    page = open_page(viewport)
    problems = []
    for path in ENGLISH_PAGES:
        page.goto(demo_site.url + path)
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator(".entries-language").count() == 1, path  # said once
        assert page.locator("[lang=fr]").count() > 0, path
        problems += page_problems(page, path)
    # A programme's title, summary and description; an organisation's name.
    page.goto(demo_site.url + "/en/programmes/technopole-sante-dijon/")
    assert page.locator("h1").get_attribute("lang") == "fr"
    assert page.locator(".description").get_attribute("lang") == "fr"
    page.goto(demo_site.url + "/programmes/technopole-sante-dijon/")  # French pages: nothing to say
    assert page.locator(".entries-language").count() == 0 and page.locator("main [lang=fr]").count() == 0
    assert problems == []
