"""A visitor's journey in a real browser: home → region → filter → programme → language → CSV."""
import csv
import io

import pytest

# Each test in a transaction of its own (rolled back) on the demo data `demo_site` committed once.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def slugs_on_page(page):
    return page.locator("article.card").evaluate_all("cards => cards.map(c => c.dataset.slug)")


def test_find_filter_read_switch_language_and_export(page, demo_site):
    page.goto(demo_site.url + "/")
    assert page.title().startswith("Accueil")

    # Pick a region on the home page.
    page.select_option("#home-region", label="Auvergne-Rhône-Alpes")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**/programmes/?*region=84*")
    assert "Couvre Auvergne-Rhône-Alpes" in page.content()

    # Add a filter (kind = strategy / plan): its group unfolds, the filter applies with the button.
    page.click("details.facet:has(#f-kind-strategy) > summary")
    page.check("#f-kind-strategy")
    with page.expect_navigation():
        page.click(".filters .actions button[type=submit]")
    page.wait_for_url("**kind=strategy**")
    listed = slugs_on_page(page)
    assert "plan-relocalisation-auvergne-rhone-alpes" in listed
    assert page.locator(".chips a.chip").count() == 2

    # Export exactly what is listed and compare.
    page.click(".toolbar .exports-menu > summary")
    with page.expect_download() as download_info:
        page.click(".toolbar .exports-menu a >> nth=0")
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(), encoding="utf-8").read())))
    assert [row[0] for row in rows[1:]] == listed

    # Back button keeps the filtered list.
    page.click("a[href='/programmes/plan-relocalisation-auvergne-rhone-alpes/']")
    assert page.locator("h1").inner_text().startswith("Plan de relocalisation")
    assert "Région Auvergne-Rhône-Alpes" in page.content()
    page.go_back()
    assert slugs_on_page(page) == listed

    # Switch language: same page, English interface.
    page.select_option("#language", "en")
    page.click("form.lang button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Support programmes" in page.content()
    assert slugs_on_page(page) == listed


def test_excel_download_has_bom_and_semicolons(page, demo_site):
    page.goto(demo_site.url + "/programmes/?region=28")
    page.click(".toolbar .exports-menu > summary")  # the results' toolbar, above them
    with page.expect_download() as download_info:
        page.click(".toolbar .exports-menu a:has-text('Excel (français)')")
    raw = open(download_info.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == slugs_on_page(page)


def test_bad_filter_shows_a_message_in_the_page(page, demo_site):
    response = page.goto(demo_site.url + "/programmes/?region=99")
    assert response.status == 400
    assert page.get_by_role("alert").is_visible()
    assert "La région « 99 » n'existe pas" in page.get_by_role("alert").inner_text()
