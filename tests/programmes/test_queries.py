"""Pages and exports run the same number of queries for 1 and for 50 results."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ActorFactory,
    AudienceFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def make_programmes(count, tree, prefix):
    theme, audience = ThemeFactory(), AudienceFactory()
    programmes = []
    for index in range(count):
        programme = ProgrammeFactory(title=f"{prefix} {index}", territories=[tree["rennes"], tree["fr"]], themes=[theme])
        programme.audiences.add(audience)
        ProgrammeActorFactory(programme=programme, actor=ActorFactory(seat=tree["rennes"]))
        programmes.append(programme)
    return programmes


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    ["/programmes/?q={prefix}", "/programmes/?q={prefix}&region=53", "/programmes/export.csv?q={prefix}&region=53", "/programmes/?q={prefix}&sort=deadline"],
)
def test_listing_and_export_query_count_does_not_grow(client, tree, settings, url):
    settings.DEBUG = False
    make_programmes(1, tree, "Warm")
    make_programmes(1, tree, "Solo")
    make_programmes(50, tree, "Lot")
    # What a process keeps once (synonyms, the asked territory's scope) is not counted.
    client.get(url.format(prefix="Warm"))
    one = count_queries(client, url.format(prefix="Solo"))
    fifty = count_queries(client, url.format(prefix="Lot"))
    assert one == fifty
    # Again, from the cached cards and result order: fewer queries, still as many for 1 and 50.
    one_again, fifty_again = count_queries(client, url.format(prefix="Solo")), count_queries(client, url.format(prefix="Lot"))
    assert one_again == fifty_again
    assert one_again < one or "export" in url


def test_detail_query_count_does_not_grow_with_projects(client, tree):
    few = ProgrammeFactory(title="Peu")
    many = ProgrammeFactory(title="Beaucoup")
    FundedProjectFactory(programme=few)
    for _ in range(50):
        FundedProjectFactory(programme=many)
    for programme in (few, many):
        for _ in range(3):
            ProgrammeActorFactory(programme=programme)
    assert count_queries(client, few.get_absolute_url()) == count_queries(client, many.get_absolute_url())


def test_actor_and_project_listings_query_count(client, tree):
    FundedProjectFactory(title="Seul projet", territory=tree["rennes"])
    client.get("/projets/?q=warm")  # caches filled once per process (synonyms) are not counted
    one_projects = count_queries(client, "/projets/?q=seul")
    for index in range(50):
        FundedProjectFactory(title=f"Multi {index}", territory=tree["rennes"])
    client.get("/projets/?q=warm")  # a write empties the process's local caches: filled again once
    assert count_queries(client, "/projets/?q=multi") == one_projects
    assert count_queries(client, "/acteurs/?q=acteur&page=1") == count_queries(client, "/acteurs/?q=acteur&page=2")


def test_home_is_rendered_once_per_directory_version_and_language(client, tree, settings):
    settings.DEBUG = False
    soon = timezone.localdate() + datetime.timedelta(days=3)
    ProgrammeFactory(title="Appel qui clôture bientôt", deadline=soon)
    first = count_queries(client, "/")
    assert count_queries(client, "/") == 1 < first  # the directory version; the counts, regions, calls and projects kept
    ProgrammeFactory(title="Appel ajouté ensuite", deadline=soon)  # a write: another version
    html = client.get("/").content.decode()
    assert "Appel ajouté ensuite" in html and "<strong>2</strong>" in html
    english = client.get("/en/").content.decode()
    assert "Find a" in english and "Trouver un programme" not in english and "Appel ajouté ensuite" in english
