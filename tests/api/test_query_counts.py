"""The API's query counts do not grow with the rows listed or the projects of a programme.

Apart from tests/api/test_endpoints.py: these build their own territory tree, which the directory
that module shares between its tests (tests/api/conftest.py) must not see replaced."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def make_programmes(count, tree, prefix):
    theme = ThemeFactory()
    parent = ProgrammeFactory(title=f"{prefix} parent")
    for index in range(count):
        programme = ProgrammeFactory(title=f"{prefix} {index}", territories=[tree["rennes"], tree["fr"]], themes=[theme], parent=parent)
        ProgrammeActorFactory(programme=programme, actor=ActorFactory(seat=tree["rennes"]))
        FundedProjectFactory(title=f"{prefix} projet {index}", programme=programme, territory=tree["rennes"]).partners.add(ActorFactory())


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("url", [
    "/api/v1/programmes/?q={prefix}&page_size=100", "/api/v1/programmes/?q={prefix}&region=53&sort=title&page_size=100",
    "/api/v1/projects/?q={prefix}&page_size=100", "/api/v1/actors/?q={prefix}&page_size=100",
])
def test_list_query_count_does_not_grow(client, tree, settings, url):
    settings.API_RATE_LIMIT = 0
    make_programmes(1, tree, "Solo")
    make_programmes(50, tree, "Lot")
    client.get(url.format(prefix="Warm"))  # caches filled once per process (synonyms) are not counted
    assert count_queries(client, url.format(prefix="Solo")) == count_queries(client, url.format(prefix="Lot"))


def test_territory_list_query_count_does_not_grow(client, tree, settings):
    settings.API_RATE_LIMIT = 0  # its counter may delete expired windows now and then: not counted here
    assert count_queries(client, "/api/v1/territories/?page_size=1") == count_queries(client, "/api/v1/territories/?page_size=100")


def test_detail_query_count_does_not_grow_with_projects(client, tree, settings):
    settings.API_RATE_LIMIT = 0  # as above
    few, many = ProgrammeFactory(title="Peu"), ProgrammeFactory(title="Beaucoup")
    FundedProjectFactory(programme=few).partners.add(ActorFactory())
    for _ in range(20):
        FundedProjectFactory(programme=many, territory=tree["rennes"]).partners.add(ActorFactory())
    for programme in (few, many):
        ProgrammeActorFactory(programme=programme)
    assert count_queries(client, f"/api/v1/programmes/{few.slug}/") == count_queries(client, f"/api/v1/programmes/{many.slug}/")
