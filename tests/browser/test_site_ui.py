"""The public site in a real browser at phone and desktop sizes: nothing scrolls sideways,
the first result shows on a phone's first screen, axe-core finds no violation at any impact
level, and a keyboard alone goes from the home page to a programme.

axe-core runs as tests/browser/pages.py says."""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.browser.pages import DESKTOP, PHONE, overflow, page_problems

# Each test in a transaction of its own (rolled back) on the demo data `demo_site` committed once.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PUBLIC_PAGES = [
    "/",
    "/programmes/",
    "/programmes/?region=84&kind=strategy",          # filtered
    "/programmes/?status=upcoming&kind=competition",  # empty
    "/programmes/?region=99&status=closed",           # error, valid choices kept
    "/programmes/?page=99",                           # out of range: the last page
    "/programmes/pack-relocalisation-auvergne-rhone-alpes/",  # funded-projects table
    "/acteurs/",
    "/acteurs/centre-henri-becquerel/",
    "/projets/",
]


def public_pages():
    try:
        return [*PUBLIC_PAGES, reverse("stats:index")]
    except NoReverseMatch:  # the statistics page is not there yet
        return PUBLIC_PAGES


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
def test_public_pages_fit_the_screen_and_pass_axe(open_page, demo_site, viewport):
    page = open_page(viewport)
    problems = []
    for path in public_pages():
        response = page.goto(demo_site.url + path)
        assert response.status in (200, 400), path
        problems += page_problems(page, path)
    assert problems == []


def test_first_result_is_on_a_phones_first_screen(open_page, demo_site):
    page = open_page(PHONE)
    for path in ["/programmes/", "/programmes/?region=53&status=closed&status=undated"]:
        page.goto(demo_site.url + path)
        assert not page.locator("#filters-panel").evaluate("el => el.open"), "filters start folded on a phone"
        first = page.locator("article.card").first
        assert first.bounding_box()["y"] + 40 < PHONE["height"], path
        assert overflow(page) <= 0
    # Unfolded on demand, then every filter is there.
    page.click("#filters-panel > summary")
    assert page.locator("#f-status-open").is_visible()


def test_filters_are_unfolded_on_desktop_and_apply_on_request(open_page, demo_site):
    page = open_page(DESKTOP)
    page.goto(demo_site.url + "/programmes/")
    assert page.locator("#id_q").is_visible()
    assert page.locator(".card").first.bounding_box()["y"] < DESKTOP["height"]
    before, navigations = page.url, []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.check("#f-status-closed")  # a change alone reloads nothing (WCAG 3.2.2)
    page.focus("#id_region")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert navigations == [] and page.url == before
    with page.expect_navigation():
        page.click(".filters .actions button[type=submit]")
    assert "status=closed" in page.url


def test_errors_keep_the_valid_choices(open_page, demo_site):
    page = open_page(PHONE)
    response = page.goto(demo_site.url + "/programmes/?region=99&status=closed")
    assert response.status == 400
    assert "La région « 99 » n'existe pas" in page.get_by_role("alert").inner_text()
    page.click("#filters-panel > summary")
    assert page.locator("#f-status-closed").is_checked()
    assert page.locator("article.card").count() > 0
    page.goto(demo_site.url + "/programmes/?page=abc")
    assert page.locator("article.card").count() > 0


def test_keyboard_only_from_home_to_a_programme(open_page, demo_site):
    page = open_page(DESKTOP)
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    # Type a search in the home form and send it with Enter.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "home-q":
            break
    page.keyboard.type("relocalisation")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/programmes/?" in page.url
    # "Aller aux résultats" is the second stop, then the first result's link is next.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller aux résultats"
    page.keyboard.press("Enter")
    for _ in range(15):  # past the results' toolbar (sort, exports, alert, calendar)
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('article.card h3')"):
            break
    title = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == title


def test_printing_keeps_results_and_drops_filters(open_page, demo_site):
    page = open_page(DESKTOP)
    page.goto(demo_site.url + "/programmes/?region=84")
    page.emulate_media(media="print")
    assert not page.locator("#filters-panel").is_visible()
    assert not page.locator("input[type=checkbox]").first.is_visible()
    assert page.locator("article.card h3 a").first.is_visible()
    after = page.locator("article.card h3 a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "/programmes/" in after  # the link's address is printed
