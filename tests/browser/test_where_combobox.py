""""Où êtes-vous ?" in Chromium (issue 23, item 3): the WAI-ARIA combobox works from the keyboard alone
(type, ArrowDown, Enter goes to the commune's listing; Escape closes), the field has an accessible name,
the suggestions are announced, and axe-core finds no violation at any impact, on a phone and a laptop."""
import pytest

from territories.models import Territory
from tests.browser.pages import DESKTOP, PHONE, page_problems
from tests.factories import TerritoryFactory

pytestmark = pytest.mark.browser
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])


@pytest.fixture
def where_live(demo_live):
    """The demo, and a few communes (the test settings migrate without the 35,000 real ones)."""
    code = Territory.objects.get_by_code
    ille, aube, metropole = code("department:35"), code("department:10"), code("epci:243500139")
    for insee, name, postal, population, parents in [
        ("35238", "Rennes", "35000 35200 35700", 220000, [metropole, ille]),
        ("35236", "Rennes-sur-Test", "35120", 300, [ille]),
        ("35990", "Saint-Aubin", "35140", 1200, [ille]),
        ("10334", "Saint-Aubin", "10400", 400, [aube]),
    ]:
        TerritoryFactory(kind=Territory.Kind.COMMUNE, insee_code=insee, name=name, postal_codes=postal,
                         population=population, parents=parents)
    return demo_live


def tab_to(page, element_id, presses=60):
    """Press Tab until `element_id` has the focus (keyboard only)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} never reached with Tab")


@VIEWPORTS
def test_keyboard_only_from_the_home_page_to_a_communes_listing(open_page, where_live, viewport):
    page = open_page(viewport)
    page.goto(where_live.url + "/")
    field = page.get_by_role("combobox", name="Où êtes-vous ?")
    assert field.count() == 1 and field.get_attribute("aria-expanded") == "false"
    tab_to(page, "where-lieu")
    page.keyboard.type("ren")
    listbox = page.locator("#where-lieu-listbox")
    listbox.get_by_role("option").first.wait_for()
    assert field.get_attribute("aria-expanded") == "true" and field.get_attribute("aria-controls") == "where-lieu-listbox"
    assert listbox.get_by_role("option").all_inner_texts() == ["Rennes (Ille-et-Vilaine, 35)", "Rennes-sur-Test (Ille-et-Vilaine, 35)"]
    assert page.locator("[data-where-status]").inner_text() == "2 communes suggérées ; flèches haut et bas pour choisir."
    problems = page_problems(page, "suggestions open")
    page.keyboard.press("ArrowDown")
    first = listbox.get_by_role("option").first
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/programmes/?commune=35238")
    assert page.locator(".chips").get_by_text("Rennes (35)").count() == 1
    assert page.title().startswith("Programmes — Rennes (35)")
    problems += page_problems(page, "listing")
    assert problems == []


@VIEWPORTS
def test_on_the_listing_arrows_wrap_escape_closes_and_the_search_comes_along(open_page, where_live, viewport):
    page = open_page(viewport)
    page.goto(where_live.url + "/programmes/?q=sant%C3%A9&region=84")
    if not page.locator("#filters-panel").evaluate("panel => panel.open"):  # folded on a phone
        page.locator("#filters-panel > summary").focus()
        page.keyboard.press("Enter")
    tab_to(page, "where-lieu")
    page.keyboard.type("saint aub")
    field = page.locator("#where-lieu")
    options = page.locator("#where-lieu-listbox [role=option]")
    options.first.wait_for()
    assert options.all_inner_texts() == ["Saint-Aubin (Ille-et-Vilaine, 35)", "Saint-Aubin (Aube, 10)"]
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false" and page.locator("#where-lieu-listbox").is_hidden()
    page.keyboard.press("ArrowUp")  # opens on the last one
    assert field.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    page.keyboard.press("ArrowDown")  # wraps to the first
    assert field.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    page.keyboard.press("ArrowDown")
    problems = page_problems(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/programmes/?q=sant%C3%A9&commune=10334")  # the words kept, the region replaced
    assert problems == []


@VIEWPORTS
def test_without_a_choice_the_form_lists_homonyms(open_page, where_live, viewport):
    page = open_page(viewport)
    page.goto(where_live.url + "/")
    tab_to(page, "where-lieu")
    page.keyboard.type("Saint-Aubin")
    page.locator("#where-lieu-listbox [role=option]").first.wait_for()
    page.keyboard.press("Enter")  # no suggestion chosen: the form is sent
    page.wait_for_url("**/programmes/ou/?lieu=Saint-Aubin")
    links = page.locator(".where-choices a")
    assert links.all_inner_texts() == ["Saint-Aubin (Ille-et-Vilaine, 35)", "Saint-Aubin (Aube, 10)"]
    assert page_problems(page) == []
