"""Public pages on the demo data: content, bad input, languages."""
import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from programmes.demo import load_demo_data

    load_demo_data()


def text(response):
    return response.content.decode()


def test_home_has_search_regions_counts_and_latest_projects(client, demo):
    page = text(client.get("/"))
    assert 'name="q"' in page
    assert len(re.findall(r'<option value="\d\d">', page)) == 18
    assert "programmes référencés" in page
    assert "CHU Rouen Normandie" in page  # a latest funded project


def test_listing_shows_facets_total_and_chips(client, demo):
    response = client.get("/programmes/?region=84&kind=event")
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
        ("/programmes/?region=99", "Code INSEE inconnu"),
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
