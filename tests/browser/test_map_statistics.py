"""The map, the statistics and the site pages in a real browser, on a phone and a laptop:
no sideways scrolling, no axe-core violation, regions reachable and followed by link."""
import datetime as dt

import pytest

from tests.browser.pages import page_problems

pytestmark = pytest.mark.browser

VIEWPORTS = [(390, 844), (1366, 900)]
PAGES = ["/", "/en/", "/programmes/", "/programmes/?region=84&status=open&scope=local", "/programmes/?q=zzzzqqq",
         "/programmes/?region=99", "/statistiques/", "/en/statistiques/", "/accessibilite/", "/mentions-legales/",
         "/contact/", "/plan-du-site/", "/aide/recherche/"]


@pytest.mark.parametrize("width, height", VIEWPORTS)
def test_pages_fit_the_screen_and_pass_axe(browser, demo_live, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    problems = []
    for url in PAGES:
        page.goto(demo_live.url + url)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        problems += page_problems(page, url)
    context.close()
    assert problems == []


def test_a_region_is_a_keyboard_reachable_link_to_its_listing(page, demo_live):
    from territories.models import Territory
    from tests.factories import ProgrammeFactory

    lyon = Territory.objects.get(kind="epci", insee_code="200046977")
    for _ in range(2):
        ProgrammeFactory(territories=[lyon], deadline=dt.date.today() + dt.timedelta(days=40))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(demo_live.url + "/")
    region = page.locator("a.region-map-link[aria-label^='Auvergne-Rhône-Alpes']")
    label = region.get_attribute("aria-label")
    count = int(label.split(":")[1].split()[0])
    assert count >= 2
    region.focus()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == label
    page.keyboard.press("Enter")
    page.wait_for_url("**/programmes/?region=84&status=open&scope=local")
    assert page.locator("article.card").count() == min(count, 20)


def test_the_map_draws_18_regions_with_their_numbers(page, demo_live):
    page.goto(demo_live.url + "/programmes/")
    page.wait_for_selector("svg.region-map-svg")  # fetched once the page is there
    assert page.locator("svg.region-map-svg a.region-map-link").count() == 18
    box = page.locator("svg.region-map-svg").bounding_box()
    assert box["width"] > 300 and box["height"] > 250
    numbers = page.locator("text.region-map-count").all_text_contents()
    assert len(numbers) == 18 and all(n.isdigit() for n in numbers)


def test_statistics_charts_are_drawn_and_offer_their_csv(page, demo_live):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_live.url + "/statistiques/")
    assert page.locator("svg.bar-chart").count() == 6
    first_bar = page.locator("svg.bar-chart rect").first.bounding_box()
    assert first_bar["height"] > 5
    with page.expect_download() as download:
        page.click("#stats-types a[href$='types.csv']")
    assert open(download.value.path(), encoding="utf-8").readline().strip() == "Code,Libellé,Programmes"
