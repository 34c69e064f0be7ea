"""The programme listing on the visitor's path (issue 24, items 2-5 and 9) in Chromium, on a phone
and a laptop: closed entries hidden until asked for, filters that never reload on an arrow key,
focus never under a sticky bar, the toolbar above the results, a typo's correction with its
results, compressed responses without secrets, the regions map fetched rather than inline; and
every page visited passes axe-core at every impact."""
import csv
import gzip
import io
import re
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.signals import request_started

from tests.browser.pages import DESKTOP, PHONE, page_problems

# Each test in a transaction of its own (rolled back) on the demo data `demo_site` committed once.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
CLOSED_OFFER = re.compile(r"^Afficher aussi les clos \((\d+)\)$")
DOUBLED_QUOTES = re.compile(r"«\s*«|»\s*»")
# The focused element, the sticky or fixed boxes it overlaps (not its own), and the viewport's height.
FOCUS_UNDER_A_BAR = """() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) { return null; }
    const box = focused.getBoundingClientRect();
    const bars = [...document.querySelectorAll("body *")].filter(bar => {
        const position = getComputedStyle(bar).position;
        return (position === "sticky" || position === "fixed") && bar.offsetParent !== null && !bar.contains(focused);
    });
    const covering = bars.filter(bar => {
        const b = bar.getBoundingClientRect();
        return box.bottom > b.top && box.top < b.bottom && box.right > b.left && box.left < b.right;
    });
    return {name: (focused.id || focused.textContent.trim()).slice(0, 40), top: box.top, bottom: box.bottom,
            height: innerHeight, covered_by: covering.map(bar => bar.className || bar.tagName),
            bars: bars.map(bar => bar.className || bar.tagName)};
}"""


def problems_of(page):
    """What the page at hand does wrong: sideways scrolling, axe violations at any impact."""
    return page_problems(page, "/" + page.url.split("/", 3)[-1])


def result_count(page):
    return int(re.match(r"\d+", page.locator("#results-title").inner_text()).group())


def unfold_filters(page):
    """The "Filtres" panel and every group inside it open (folded on a phone)."""
    page.evaluate("document.querySelectorAll('#filters-panel, #filters-panel details').forEach(d => d.open = true)")


@VIEWPORTS
def test_closed_entries_are_hidden_until_asked_for(open_page, demo_site, viewport):
    page = open_page(viewport)
    page.goto(demo_site.url + "/programmes/")
    shown = result_count(page)
    assert page.locator("article.card").count() == shown > 0
    assert page.locator("article.card .status-closed").count() == 0
    offer = page.get_by_role("link", name=CLOSED_OFFER)
    assert offer.is_visible()
    closed = int(CLOSED_OFFER.match(offer.inner_text()).group(1))
    assert closed > 0  # the demo is mostly in the past
    problems = problems_of(page)
    with page.expect_navigation():
        offer.click()
    assert parse_qs(urlsplit(page.url).query) == {"closed": ["include"]}
    assert result_count(page) == shown + closed
    assert page.locator("article.card .status-closed").count() == closed
    assert page.get_by_role("link", name=CLOSED_OFFER).count() == 0
    problems += problems_of(page)
    # A status asked for keeps its meaning: the closed ones alone, without the offer.
    page.goto(demo_site.url + "/programmes/?status=closed")
    assert result_count(page) == page.locator("article.card .status-closed").count() == closed
    assert page.get_by_role("link", name=CLOSED_OFFER).count() == 0
    assert problems + problems_of(page) == []


@VIEWPORTS
def test_arrow_keys_in_the_region_list_do_not_reload(open_page, demo_site, viewport):
    page = open_page(viewport)
    page.goto(demo_site.url + "/programmes/")
    address, navigations = page.url, []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    if viewport == PHONE:
        page.click("#filters-panel > summary")
    page.focus("#id_region")
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(1000)  # an automatic submit would have started by now
    region = page.locator("#id_region").input_value()
    assert region != ""  # the keys did move through the list
    assert (page.url, navigations) == (address, [])
    assert page.evaluate("document.activeElement.id") == "id_region"
    problems = problems_of(page)
    # The choice applies on a button: the sticky one on a phone, the form's own on a laptop.
    button = page.locator(".apply-bar button") if viewport == PHONE else page.locator("#filters-form .actions button")
    with page.expect_navigation():
        button.click()
    assert parse_qs(urlsplit(page.url).query).get("region") == [region]
    assert problems + problems_of(page) == []


@VIEWPORTS
@pytest.mark.parametrize("unfolded", [True, False], ids=["filters-open", "filters-folded"])
def test_the_focused_element_is_never_under_a_sticky_bar(open_page, demo_site, viewport, unfolded):
    page = open_page(viewport)
    page.goto(demo_site.url + "/programmes/")
    if unfolded:
        unfold_filters(page)
    stops, hidden, bars = 0, [], set()
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_UNDER_A_BAR)
        if focused is None:  # past the last stop
            break
        stops += 1
        bars.update(focused["bars"])
        if focused["covered_by"] or focused["top"] < 0 or focused["bottom"] > focused["height"]:
            hidden.append(focused)
    assert stops > (60 if unfolded else 40), "the tab order went through the filters and the results"
    if viewport == PHONE and unfolded:
        assert "apply-bar" in bars  # the sticky bar was there to hide something
    assert hidden == []
    assert problems_of(page) == []


def test_the_sticky_results_button_is_on_phones_only(open_page, demo_site):
    phone, laptop = open_page(PHONE), open_page(DESKTOP)
    for page in (phone, laptop):
        page.goto(demo_site.url + "/programmes/?kind=strategy")
    phone.click("#filters-panel > summary")  # choosing
    button = phone.locator(".apply-bar button")
    assert button.is_visible() and button.get_attribute("form") == "filters-form"
    assert button.inner_text() == f"Voir les résultats ({result_count(phone)})"
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= PHONE["height"]  # stuck to the bottom
    assert not laptop.locator(".apply-bar").is_visible()
    assert laptop.locator("#filters-form .actions button").is_visible()
    problems = problems_of(phone) + problems_of(laptop)
    phone.check("#f-status-permanent")
    with phone.expect_navigation():
        phone.get_by_role("button", name=re.compile(r"^Voir les résultats")).click()
    query = parse_qs(urlsplit(phone.url).query)
    assert (query["kind"], query["status"]) == (["strategy"], ["permanent"])
    assert problems + problems_of(phone) == []


@VIEWPORTS
def test_the_toolbar_is_above_the_results(open_page, demo_site, viewport):
    page = open_page(viewport)
    page.goto(demo_site.url + "/programmes/?closed=include&kind=event")
    toolbar, first = page.locator(".toolbar"), page.locator("article.card").first
    assert toolbar.bounding_box()["y"] + toolbar.bounding_box()["height"] <= first.bounding_box()["y"]
    if viewport == DESKTOP:
        assert toolbar.bounding_box()["y"] < DESKTOP["height"]  # on the first screen (was y = 3,893)
    asked = {"closed": ["include"], "kind": ["event"]}
    page.locator(".exports-menu > summary").click()
    links = {name: toolbar.get_by_role("link", name=name, exact=True) for name in
             ["CSV", "Excel (français)", "Schéma national (CSV)", "Créer une alerte", "Agenda (iCal)"]}
    for name, link in links.items():
        assert link.is_visible(), name
        query = parse_qs(urlsplit(link.get_attribute("href")).query)
        query.pop("dialect", None)
        assert query == asked, name
    assert parse_qs(urlsplit(links["Excel (français)"].get_attribute("href")).query)["dialect"] == ["excel-fr"]
    problems = problems_of(page)  # the menu open
    with urllib.request.urlopen(demo_site.url + links["CSV"].get_attribute("href")) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert len(rows) == result_count(page)  # the export is this list
    # Sorting from the toolbar keeps the filters.
    toolbar.get_by_label("Trier par").select_option("title")
    with page.expect_navigation():
        toolbar.get_by_role("button", name="Trier").click()
    assert parse_qs(urlsplit(page.url).query) == {**asked, "sort": ["title"]}
    titles = page.locator("article.card h3").all_inner_texts()
    assert len(titles) > 1 and titles == sorted(titles, key=str.casefold)
    assert problems + problems_of(page) == []


@VIEWPORTS
def test_a_typo_shows_the_corrections_results(open_page, demo_site, viewport):
    page = open_page(viewport)
    # The demo's one hackathon (Dijon, 2020) is closed: its results show with the closed ones.
    page.goto(demo_site.url + "/programmes/?q=hackaton&closed=include")
    assert page.locator(".corrected").inner_text() == "Résultats pour « hackathon » (aucun pour « hackaton »)"
    assert page.locator("article.card").count() == result_count(page) > 0
    assert "hackathon" in page.locator("article.card").first.inner_text().lower()
    assert page.get_by_role("link", name="Retirer le filtre Recherche : hackathon").is_visible()
    assert page.get_by_role("link", name=DOUBLED_QUOTES).count() == 0
    problems = problems_of(page)
    # Words that give nothing, corrected or not: the way out names them once.
    page.goto(demo_site.url + "/programmes/?q=xqzwvk")
    assert result_count(page) == 0 and page.locator(".corrected").count() == 0
    assert page.get_by_role("link", name="Retirer « Recherche : xqzwvk »").is_visible()
    assert page.get_by_role("link", name=DOUBLED_QUOTES).count() == 0
    assert problems + problems_of(page) == []


def test_a_typo_by_default_shows_its_corrections_results(open_page, demo_site):
    """The demo's only hackathon is closed: the correction looks among the closed ones too."""
    page = open_page(DESKTOP)
    page.goto(demo_site.url + "/programmes/?q=hackaton")
    assert result_count(page) > 0
    assert "Résultats pour « hackathon » (aucun pour « hackaton »)" in page.content()


def fetch(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})) as response:
        return response.headers, response.read()


def test_responses_without_secrets_are_compressed(demo_site):
    for path, start in [("/programmes/", b"<!DOCTYPE html>"), ("/programmes/export.csv", b"slug"),
                        ("/api/v1/programmes/", b"{")]:
        headers, body = fetch(demo_site.url + path)
        assert headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in headers["Vary"], path
        assert gzip.decompress(body).lstrip(b"\xef\xbb\xbf").startswith(start), path
    for path in ["/alertes/", "/admin/login/"]:  # a CSRF token inside: BREACH could read it
        headers, body = fetch(demo_site.url + path)
        assert headers["Content-Encoding"] is None and b"csrfmiddlewaretoken" in body, path
    headers, _ = fetch(demo_site.url + "/programmes/", Cookie="sessionid=an-editors-session")
    assert headers["Content-Encoding"] is None


@VIEWPORTS
def test_the_map_is_fetched_once_not_inline(open_page, demo_site, viewport, settings):
    settings.PAGE_CACHE_SECONDS = 600  # as in production (the tests' default is no page cache)
    _, body = fetch(demo_site.url + "/programmes/")
    html = gzip.decompress(body).decode()
    assert '<figure class="region-map"' not in html and "region-map-svg" not in html
    served, problems = [], []  # the paths the live server was asked for

    def record(environ, **kwargs):
        served.append(environ["PATH_INFO"])

    request_started.connect(record)
    try:
        page = open_page(viewport)
        for path in ["/programmes/", "/programmes/?kind=event"]:
            page.goto(demo_site.url + path)
            page.locator("[data-fragment] svg.region-map-svg").wait_for(state="attached")
            assert page.locator("svg.region-map-svg").count() == 1
            problems += problems_of(page)
    finally:
        request_started.disconnect(record)
    fragment = page.locator("[data-fragment]").get_attribute("data-fragment")
    assert served.count(fragment) == 1  # the second listing reads the browser's copy
    assert problems == []
