"""The listing's filter form is rendered once per selection, and never stale."""
import datetime
import re

import pytest
from django.utils import timezone

from programmes.listing import filter_form
from programmes.listing.filter_form import TEMPLATE
from programmes.services import save_programme
from tests.factories import ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def form(response, status=200):
    assert response.status_code == status
    return re.search(r'<form class="filters".*?</form>', response.content.decode(), re.S).group()


@pytest.fixture
def renders(monkeypatch):
    """The names of the templates rendered through `render_to_string`, in turn."""
    names, render = [], filter_form.render_to_string
    monkeypatch.setattr(filter_form, "render_to_string", lambda name, *a, **k: names.append(name) or render(name, *a, **k))
    return names


def test_one_selection_is_rendered_once_whatever_the_page_or_the_order_of_its_parameters(client, tree, renders):
    for n in range(25):
        ProgrammeFactory(title=f"Santé {n}", territories=[tree["rennes"]])
    first = form(client.get("/programmes/?q=sante&region=53"))
    again = [form(client.get(url)) for url in
             ("/programmes/?region=53&q=sante", "/programmes/?q=sante&region=53&page=2", "/programmes/?page=2&region=53&q=sante",
              "/programmes/?q=sante&region=53&utm_source=lettre")]
    assert renders.count(TEMPLATE) == 1
    assert again == [first] * 4 and 'value="53" selected' in first and 'value="sante"' in first
    form(client.get("/programmes/?q=sante&region=53&sort=title"))
    form(client.get("/programmes/?q=sante"))
    assert renders.count(TEMPLATE) == 3  # other selections


def test_the_counts_follow_every_write(client, tree):
    programme = ProgrammeFactory(title="Appel", territories=[tree["rennes"]], themes=[ThemeFactory(slug="theme-test", name="Thème test")])
    assert re.search(r"Thème test <span class=\"count\">\(1\)", form(client.get("/programmes/")))
    ProgrammeFactory(title="Autre", territories=[tree["rennes"]], themes=list(programme.themes.all()))
    assert re.search(r"Thème test <span class=\"count\">\(2\)", form(client.get("/programmes/")))
    programme.title = "Appel retiré"
    programme.publication_state = "draft"
    save_programme(programme=programme)
    assert re.search(r"Thème test <span class=\"count\">\(1\)", form(client.get("/programmes/")))


def test_the_form_follows_the_day_and_the_language(client, monkeypatch):
    ProgrammeFactory(title="Appel qui ferme", deadline=datetime.date(2026, 6, 30))
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 6, 30))
    assert re.search(r'value="open">\s*<label[^>]*>Ouvert <span class="count">\(1\)', form(client.get("/programmes/")))
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 7, 1))
    assert re.search(r'value="open">\s*<label[^>]*>Ouvert <span class="count">\(0\)', form(client.get("/programmes/")))
    assert "Toutes les régions" not in form(client.get("/en/programmes/"))


def test_after_a_bad_parameter_the_form_is_the_one_of_the_valid_parameters(client, renders):
    ProgrammeFactory(title="Appel")
    bad = form(client.get("/programmes/?region=99&q=appel"), status=400)
    assert 'value="appel"' in bad and bad == form(client.get("/programmes/?q=appel"))
    assert renders.count(TEMPLATE) == 1


def test_without_fragment_cache_the_form_is_rendered_every_time(client, settings, renders):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/programmes/")
    client.get("/programmes/")
    assert renders.count(TEMPLATE) == 2
