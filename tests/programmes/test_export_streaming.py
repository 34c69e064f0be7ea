"""The exports are generators read as they are sent, with a fixed number of queries, and their
list cells are exactly the ORM's ordered relations (the database's collation, ties included)."""
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor
from core.csvfile import joined
from editorial.models import PublicationState
from programmes import exports
from programmes.exports import PROGRAMME_COLUMNS, programme_rows
from programmes.models import Programme, ProgrammeActor
from tests.factories import (
    ActorFactory,
    AudienceFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    TerritoryFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db
NAMES = ["Zèbre", "zèbre", "Éole", "Eole", "abc", "Abc", "école", "Même nom", "Même nom", "Œuvre", "1er"]


def test_header_first_then_rows_as_the_database_sends_them(db, monkeypatch):
    for index in range(5):
        ProgrammeFactory(title=f"Programme {index}")
    sent, stream_rows = [], exports.stream_rows

    def spy(queryset, *args):
        for row in stream_rows(queryset, *args):
            sent.append(row)
            yield row

    monkeypatch.setattr(exports, "stream_rows", spy)
    rows = programme_rows(Programme.objects.published().order_by("title"))
    with CaptureQueriesContext(connection) as header_queries:
        assert next(rows) == PROGRAMME_COLUMNS
    assert len(header_queries) == 0
    assert next(rows)[1] == "Programme 0"
    assert len(sent) == 1  # one row read for one row given: nothing is listed first
    rows.close()
    assert Programme.objects.count() == 5  # closed early, the connection still works


def related_programmes(count, prefix, tree):
    theme, audience, actor = ThemeFactory(), AudienceFactory(), ActorFactory()
    for index in range(count):
        programme = ProgrammeFactory(title=f"{prefix} {index}", territories=[tree["rennes"], tree["fr"]], themes=[theme])
        programme.audiences.add(audience)
        ProgrammeActorFactory(programme=programme, actor=actor)
        FundedProjectFactory(programme=programme, beneficiary=actor, title=f"{prefix} projet {index}").partners.add(actor)
        ActorFactory(name=f"{prefix} acteur {index}", seat=tree["rennes"])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200 and response.streaming
        lines = b"".join(response.streaming_content).count(b"\r\n")
    return len(context), lines


@pytest.mark.parametrize("url", ["/programmes/export.csv?q={}&sort=title", "/projets/export.csv?q={}", "/acteurs/export.csv?q={}"])
def test_one_row_or_fifty_rows_cost_the_same_queries(client, tree, settings, url):
    settings.DEBUG = False
    related_programmes(1, "Solo", tree)
    related_programmes(50, "Lot", tree)
    client.get(url.format("Chauffe"))  # caches filled once per process (synonyms) are not counted
    one, one_lines = count_queries(client, url.format("Solo"))
    fifty, fifty_lines = count_queries(client, url.format("Lot"))
    assert (one_lines, fifty_lines) == (2, 51)
    assert one == fifty <= 9  # the directory version, filters, four reference lists, the rows (+ savepoint and SET LOCAL on PostgreSQL)


def expected_lists(programme):
    """The old per-programme reading: the ORM's orders, published organisations only."""
    links = Programme.territories.through.objects.filter(programme=programme).order_by("territory__name", "territory_id")
    roles = ProgrammeActor.objects.filter(programme=programme, actor__publication_state=PublicationState.PUBLISHED) \
        .order_by("role", "actor__name", "id").select_related("actor")
    themes = programme.themes.order_by("name", "slug")
    audiences = programme.audiences.order_by("name", "slug")
    return [
        joined(link.territory.name for link in links), joined(f"{link.territory.kind}:{link.territory.insee_code}" for link in links),
        joined(f"{role.actor.name} ({role.get_role_display()})" for role in roles), joined(f"{role.role}:{role.actor.slug}" for role in roles),
        joined(theme.name for theme in themes), joined(theme.slug for theme in themes),
        joined(audience.name for audience in audiences), joined(audience.slug for audience in audiences),
    ]


def test_list_cells_follow_the_database_order(db):
    rng = random.Random(7)
    territories = [TerritoryFactory(name=name) for name in NAMES]
    themes = [ThemeFactory(name=f"{name} {index}") for index, name in enumerate(NAMES)]
    audiences = [AudienceFactory(name=f"{name} {index}") for index, name in enumerate(NAMES)]
    states = [PublicationState.PUBLISHED] * 3 + [PublicationState.DRAFT]
    actors = [ActorFactory(name=name, slug=f"acteur-{index}", publication_state=rng.choice(states)) for index, name in enumerate(NAMES)]
    for index in range(12):
        programme = ProgrammeFactory(title=f"Programme {index}", territories=rng.sample(territories, rng.randint(0, 4)),
                                     themes=rng.sample(themes, rng.randint(0, 3)))
        programme.audiences.set(rng.sample(audiences, rng.randint(0, 3)))
        for actor in rng.sample(actors, rng.randint(0, 5)):
            ProgrammeActor.objects.create(programme=programme, actor=actor, role=rng.choice(ProgrammeActor.Role.values))
    same_name = [actor for actor in actors if actor.name == "Même nom"]
    Actor.objects.filter(name="Même nom").update(publication_state=PublicationState.PUBLISHED)
    tie = ProgrammeFactory(title="Programme ex aequo")
    for actor in reversed(same_name):  # the link ids, not the actor ids, break the tie
        ProgrammeActor.objects.create(programme=tie, actor=actor, role="runs")
    queryset = Programme.objects.published().order_by("title")
    rows = list(programme_rows(queryset))
    start = PROGRAMME_COLUMNS.index("territories")
    assert [row[start:start + 8] for row in rows[1:]] == [expected_lists(programme) for programme in queryset]
