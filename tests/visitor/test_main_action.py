"""A programme page's one main action under its title (issue 24, item 1): the official page,
a URL quoted in the source, the operator's e-mail, then the operator's page."""
import re

import pytest

from programmes.main_action import main_action, source_url
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def action_of(client, programme):
    """(href, text) of the main action, which comes right after the title's status line."""
    html = client.get(programme.get_absolute_url()).content.decode()
    head = html.split("<h1>", 1)[1].split("<h2>", 1)[0]
    found = re.search(r'<p class="main-action"><a class="button" href="([^"]+)"[^>]*>([^<]+)</a>', head)
    return (found.group(1), found.group(2)) if found else None


def test_the_official_page_comes_first_and_the_source_links_to_it(client):
    programme = ProgrammeFactory(website="https://example.org/appel", contact_email="a@example.org",
                                 source="Région — « Appel 2025 »")
    assert action_of(client, programme) == ("https://example.org/appel", "Voir l&#x27;appel officiel / Candidater")
    html = client.get(programme.get_absolute_url()).content.decode()
    assert '<a class="wrap-anywhere" href="https://example.org/appel" rel="noopener">Région — « Appel 2025 »</a>' in html


def test_a_url_quoted_in_the_source_is_the_source_link(client):
    programme = ProgrammeFactory(kind="technopole", source="Article du 3 mars, https://example.org/a.html.")
    assert source_url(programme) == "https://example.org/a.html"
    assert action_of(client, programme) == ("https://example.org/a.html", "Voir le site officiel")


def test_without_a_source_the_operators_email_then_its_page(client):
    with_mail = ProgrammeFactory(contact_email="contact@example.org", source="Note interne")
    assert action_of(client, with_mail) == ("mailto:contact@example.org", "Contacter l&#x27;opérateur par courriel")
    operated = ProgrammeFactory()
    ProgrammeActorFactory(programme=operated, actor=ActorFactory(name="Partenaire"), role="partner")
    ProgrammeActorFactory(programme=operated, actor=ActorFactory(name="Opérateur"), role="runs")
    assert action_of(client, operated) == ("/acteurs/operateur/", "Contacter l&#x27;opérateur : Opérateur")
    html = client.get(operated.get_absolute_url()).content.decode()
    assert "<dd>non renseignée</dd>" in html  # no source: said, not linked


def test_without_an_operator_the_first_organisation_is_named_as_such(client):
    programme = ProgrammeFactory()
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Partenaire"), role="partner")
    assert action_of(client, programme) == ("/acteurs/partenaire/", "Voir l&#x27;organisation : Partenaire")


def test_nothing_to_follow_gives_no_action(client):
    programme = ProgrammeFactory()
    assert main_action(programme) is None and action_of(client, programme) is None


def test_english_labels(client):
    programme = ProgrammeFactory(website="https://example.org/appel")
    html = client.get("/en" + programme.get_absolute_url()).content.decode()
    assert ">See the official call / Apply</a>" in html
