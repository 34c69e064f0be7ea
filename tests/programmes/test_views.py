"""Public pages on the demo data: content, bad input, languages."""
import re

import pytest

from tests.shared_data import copy_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)


def text(response):
    return response.content.decode()


def test_home_has_search_regions_counts_and_latest_projects(client, demo):
    page = text(client.get("/"))
    assert 'name="q"' in page
    assert len(re.findall(r'<option value="\d\d">', page)) == 18
    assert "programmes référencés" in page
    assert "CHU Rouen Normandie" in page  # a latest funded project


def test_listing_shows_facets_total_and_chips(client, demo):
    response = client.get("/programmes/?region=84&kind=event&closed=include")
    page = text(response)
    assert response.status_code == 200
    assert "Retirer le filtre Auvergne-Rhône-Alpes" in page
    assert "Retirer le filtre Événement" in page
    assert re.search(r"Appel à projets <span class=\"count\">\(\d+\)</span>", page)
    assert "Covers" not in page and "Couvre Auvergne-Rhône-Alpes" in page
    assert response.context["paginator"].count == len(response.context["object_list"])


def test_facet_counts_match_what_the_filter_would_give(client, demo):
    response = client.get("/programmes/?region=84")
    for value, _label, count, _checked in response.context["facets"]["kind"]:
        with_kind = client.get(f"/programmes/?region=84&kind={value}").context["paginator"].count
        assert count == with_kind, value
    for value, _label, count, _checked in response.context["facets"]["region"]:
        assert count == client.get(f"/programmes/?region={value}").context["paginator"].count, value


def test_programme_detail_shows_everything(client, demo):
    page = text(client.get("/programmes/plateformes-technologiques-sante-rouen/"))
    for expected in ["Métropole Rouen Normandie", "CHU Rouen Normandie", "Centre Hospitalier du Rouvray", "6 projets financés", "Dernière vérification"]:
        assert expected in page, expected


def test_drafts_are_not_public(client, demo):
    from programmes.models import Programme

    Programme.objects.filter(slug="technopole-sante-dijon").update(publication_state="draft")
    assert client.get("/programmes/technopole-sante-dijon/").status_code == 404
    assert "technopole-sante-dijon" not in text(client.get("/programmes/"))
    csv_body = b"".join(client.get("/programmes/export.csv").streaming_content).decode()
    assert "technopole-sante-dijon" not in csv_body


def test_actor_page_lists_programmes_and_projects(client, demo):
    page = text(client.get("/acteurs/centre-henri-becquerel/"))
    assert "Plateforme Fédérative de Bio-informatique" in page
    page = text(client.get("/acteurs/dijon-metropole/"))
    assert "Technopôle santé" in page


def test_projects_filters(client, demo):
    response = client.get("/projets/?region=28&year=2023")
    assert response.context["paginator"].count == 3
    assert client.get("/projets/?beneficiary_kind=company").context["paginator"].count == 5


@pytest.mark.parametrize(
    "url, message",
    [
        ("/programmes/?region=99", "La région « 99 » n'existe pas"),
        ("/programmes/?kind=unknown", "Valeur inconnue"),
        ("/programmes/?page=abc", "n'est pas un nombre entier"),
        ("/programmes/?page=999999", "n'existe pas"),
        ("/programmes/?sort=;drop", "Sélectionnez un choix valide"),
        ("/programmes/?q=" + "x" * 10000, "au plus 200 caractères"),
        ("/programmes/?q=a%00b", "caractère nul"),
        ("/programmes/?region=53&region=84", "ne peut apparaître qu'une fois"),
        ("/acteurs/?kind=alien", "Valeur inconnue"),
        ("/projets/?year=deux-mille", "L'année doit être un nombre"),
    ],
)
def test_bad_input_gets_a_clear_400(client, demo, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in text(response).replace("&#x27;", "'")


def test_english_is_selectable_and_french_is_the_default(client, demo):
    assert '<html lang="fr">' in text(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/programmes/"})
    assert response.status_code == 302
    page = text(client.get("/programmes/"))
    assert '<html lang="en">' in page
    assert "Support programmes" in page


def test_unpublished_actors_are_named_but_not_linked(client, demo):
    from actors.models import Actor

    Actor.objects.filter(slug="cpage").update(publication_state="draft")
    page = text(client.get("/programmes/health-digital-meeting-dijon-2020/"))
    assert "CPage" in page
    assert 'href="/acteurs/cpage/"' not in page
    assert client.get("/acteurs/cpage/").status_code == 404


def test_projects_programme_filter_offers_only_programmes_with_published_projects(client, demo):
    from programmes.models import FundedProject, Programme

    offered = set(client.get("/projets/").context["filter"].form.fields["programme"].queryset.values_list("slug", flat=True))
    expected = set(FundedProject.objects.published().values_list("programme__slug", flat=True))
    assert offered == expected and offered < set(Programme.objects.published().values_list("slug", flat=True))


# -- issue 11: the public look and behaviour ---------------------------------------------

def test_zero_and_one_result_are_singular_in_french(client, demo):
    assert "0 résultat<" in text(client.get("/programmes/?status=upcoming&kind=competition")).replace("</h2>", "<")
    page = text(client.get("/programmes/?q=zzzzzz"))
    assert "0 résultat" in page and "0 résultats" not in page


def test_an_empty_result_offers_to_remove_each_filter_with_its_count(client, demo):
    response = client.get("/programmes/?status=upcoming&kind=competition")
    page = text(response)
    assert response.status_code == 200
    assert '<a href="?kind=competition">Retirer « À venir »</a>' in page
    expected = client.get("/programmes/?kind=competition").context["paginator"].count
    chips = {label: count for label, _url, count in response.context["chips"]}
    assert chips["À venir"] == expected


def test_a_bad_region_keeps_every_valid_choice(client, demo):
    response = client.get("/programmes/?region=99&status=closed&sort=title")
    page = text(response).replace("&#x27;", "'")
    assert response.status_code == 400
    assert "La région « 99 » n'existe pas." in page and "INSEE" not in page
    assert 'id="f-status-closed" name="status" value="closed" checked' in page
    closed = client.get("/programmes/?status=closed&sort=title").context
    assert [p.slug for p in response.context["object_list"]] == [p.slug for p in closed["object_list"]]
    assert response.context["querystring"] == "status=closed&sort=title"


@pytest.mark.parametrize("page, shown", [("abc", 1), ("0", 1), ("99", "last"), ("-3", 1)])
def test_a_bad_page_shows_the_first_or_the_last_page_with_a_message(client, demo, page, shown):
    from programmes.models import Programme

    Programme.objects.bulk_create([Programme(title=f"Extra {n}", slug=f"extra-{n}", publication_state="published") for n in range(25)])
    response = client.get(f"/programmes/?closed=include&page={page}")
    assert response.status_code == 400
    last = response.context["paginator"].num_pages
    assert last == 3
    assert response.context["page_obj"].number == (last if shown == "last" else 1)
    assert response.context["object_list"] and response.context["facets"]
    assert response.context["errors"]


def test_default_order_puts_what_is_still_open_before_what_is_closed(db, client):
    from datetime import timedelta

    from programmes.status import Recurrence, today
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(title="A clos", deadline=today() - timedelta(days=3))
    ProgrammeFactory(title="B sans date")
    ProgrammeFactory(title="C permanent", recurrence=Recurrence.PERMANENT)
    ProgrammeFactory(title="D ouvert", deadline=today() + timedelta(days=30))
    titles = [p.title for p in client.get("/programmes/?closed=include").context["object_list"]]
    assert titles == ["D ouvert", "C permanent", "A clos", "B sans date"]
    # By default, only what one can still act on; the closed ones are one link away.
    response = client.get("/programmes/")
    assert [p.title for p in response.context["object_list"]] == ["D ouvert", "C permanent", "B sans date"]
    assert response.context["closed_count"] == 1 and "Afficher aussi les clos (1)" in response.content.decode()


def test_titles_and_names_sort_the_french_way(db, client):
    from tests.factories import ActorFactory, ProgrammeFactory

    for title in ["Zèbre", "État", "Île-de-France", "i-Care LAB", "Eau", "abeille"]:
        ProgrammeFactory(title=title)
        ActorFactory(name=title)
    expected = ["abeille", "Eau", "État", "i-Care LAB", "Île-de-France", "Zèbre"]
    assert [p.title for p in client.get("/programmes/?sort=title").context["object_list"]] == expected
    assert [a.name for a in client.get("/acteurs/").context["object_list"]] == expected


def test_regions_are_listed_in_french_order(client, demo):
    page = text(client.get("/"))
    names = re.findall(r'<option value="\d\d">([^<]+)</option>', page)
    assert names.index("Grand Est") < names.index("Hauts-de-France") < names.index("Île-de-France") < names.index("Normandie")


def test_cards_label_organisation_territory_and_amounts(db, client):
    from decimal import Decimal

    from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, TerritoryFactory

    programme = ProgrammeFactory(
        title="Aide", amount_min=Decimal("5000"), amount_max=Decimal("150000"), total_budget=Decimal("2500000"),
        territories=[TerritoryFactory(name="Rennes Métropole", kind="epci")],
    )
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Partenaire"), role="partner")
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Rennes Métropole"), role="runs")
    page = text(client.get("/programmes/"))
    assert "Porté par <strong>Rennes Métropole</strong>" in page
    assert "Territoire : Rennes Métropole" in page
    assert "de 5\u202f000\u00a0€ à 150\u202f000\u00a0€" in page
    assert "Budget : <strong>2\u202f500\u202f000\u00a0€</strong>" in page


def test_programme_page_lists_each_organisation_once_operator_first(db, client):
    from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory

    programme = ProgrammeFactory(title="Plan")
    region, agency = ActorFactory(name="Région Test"), ActorFactory(name="ALLIS-NA", acronym="ALLIS-NA")
    ProgrammeActorFactory(programme=programme, actor=agency, role="partner")
    ProgrammeActorFactory(programme=programme, actor=region, role="funds")
    ProgrammeActorFactory(programme=programme, actor=region, role="runs")
    page = text(client.get(programme.get_absolute_url()))
    assert page.count(">Région Test</a>") == 1
    assert "Région Test</a> — Porte / opère, Finance" in page
    assert page.index("Région Test</a>") < page.index("ALLIS-NA</a>")
    assert "ALLIS-NA (ALLIS-NA)" not in page


def test_events_have_a_last_day_and_dates_say_1er(db, client):
    from datetime import date

    from tests.factories import ProgrammeFactory

    event = ProgrammeFactory(title="Salon", kind="event", deadline=date(2031, 11, 1))
    page = text(client.get(event.get_absolute_url()))
    assert "Dernier jour" in page and "Date limite" not in page
    assert "1er novembre 2031" in page
    assert "Dernier jour : <strong><time" in text(client.get("/programmes/"))


def test_titles_say_the_filters_and_page_and_pages_carry_meta_and_og(client, demo):
    from programmes.models import Programme

    Programme.objects.bulk_create([Programme(title=f"Extra {n}", slug=f"extra-{n}", publication_state="published") for n in range(25)])
    page = text(client.get("/programmes/?region=53&page=2&scope=local")) + text(client.get("/programmes/?page=2"))
    assert "<title>Programmes — page 2 — Annuaire santé des territoires</title>" in page
    page = text(client.get("/programmes/?region=53"))
    assert "<title>Programmes — Bretagne — Annuaire santé des territoires</title>" in page
    for tag in ('name="description"', 'property="og:title" content="Programmes — Bretagne"', 'property="og:description"',
                '/programmes/?region=53">', 'property="og:type"'):
        assert tag in page
    assert "Accessibilité : partiellement conforme" in page
    assert 'href="#results">Aller aux résultats' in page
    assert 'media="print"' in page


def test_pagination_has_numbers_first_last_previous_next(client, demo):
    from programmes.models import Programme

    Programme.objects.bulk_create([Programme(title=f"Extra {n}", slug=f"extra-{n}", publication_state="published") for n in range(90)])
    page = text(client.get("/programmes/?page=3"))
    for label in ("« Première", "‹ Précédente", "Suivante ›", "Dernière »", 'aria-current="page" href="?page=3"', ">2</a>", ">4</a>"):
        assert label in page


def test_home_open_count_is_the_listings_open_count(client, demo):
    home = client.get("/")
    listing = client.get("/programmes/?status=open")
    assert home.context["open_count"] == listing.context["paginator"].count
    assert home.context["permanent_count"] == client.get("/programmes/?status=permanent").context["paginator"].count


def test_projects_offer_lists_with_empty_labels_and_years_from_the_data(client, demo):
    page = text(client.get("/projets/"))
    assert ">Tous les programmes</option>" in page and ">Toutes les régions</option>" in page
    assert ">Tous les types</option>" in page and "---------" not in page
    assert re.search(r'<select name="year"[^>]*>\s*<option value="" selected>Toutes les années</option>', page)
    assert '<option value="2023">2023</option>' in page
    assert 'type="number"' not in page


def test_actors_keyword_and_region_come_before_the_checkboxes(client, demo):
    page = text(client.get("/acteurs/"))
    assert page.index('name="q"') < page.index('name="region"') < page.index('type="checkbox"')


def test_formatting_filters():
    from datetime import date
    from decimal import Decimal

    from django.utils import translation

    from core.templatetags.site_format import euros, long_date

    with translation.override("fr"):
        assert long_date(date(2025, 11, 1)) == "1er novembre 2025"
        assert long_date(date(2025, 11, 2)) == "2 novembre 2025"
        assert euros(Decimal("1234567")) == "1\u202f234\u202f567\u00a0€"
    with translation.override("en"):
        assert long_date(date(2025, 11, 1)) == "1 November 2025"


def test_actor_name_equal_to_its_acronym_is_not_repeated(db):
    from tests.factories import ActorFactory

    assert str(ActorFactory(name="ALLIS-NA", acronym="ALLIS-NA")) == "ALLIS-NA"
    assert str(ActorFactory(name="Agence régionale de santé", acronym="ARS")) == "Agence régionale de santé (ARS)"
