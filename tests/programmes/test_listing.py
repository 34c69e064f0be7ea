"""The listing reads the FilterSet's rows in its order, from the row's own arrays; every reader
(listing, export, API) gets the same rows in the same order, and a write shows at once."""
import csv
import io
import random

import pytest
from django.http import QueryDict

from programmes.filters import ProgrammeFilter, filter_programmes
from programmes.models import Audience, Programme, Theme
from programmes.services import save_programme
from programmes.status import Status
from territories.models import Territory, TerritoryScope
from tests.shared_data import copy_of


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)


def random_params(rng):
    """A random combination of every filter, valid values only."""
    params = QueryDict(mutable=True)
    pick = lambda values: rng.sample(values, rng.randint(1, min(2, len(values))))  # noqa: E731
    if rng.random() < 0.5:
        params["region"] = rng.choice(list(Territory.objects.regions().values_list("insee_code", flat=True)))
        if rng.random() < 0.3:
            params["scope"] = "local"
    if rng.random() < 0.2:
        params["department"] = rng.choice(["35", "69", "75", "13"])
    if rng.random() < 0.5:
        params.setlist("kind", pick(Programme.Kind.values))
    if rng.random() < 0.5:
        params.setlist("theme", pick(list(Theme.objects.values_list("slug", flat=True))))
    if rng.random() < 0.3:
        params.setlist("audience", pick(list(Audience.objects.values_list("slug", flat=True))))
    if rng.random() < 0.4:
        params.setlist("status", pick(Status.values))
    if rng.random() < 0.3:
        params["closed"] = "include"
    if rng.random() < 0.3:
        params["q"] = rng.choice(["santé", "numérique", "cancer", "innovation -région", '"appel à projets"'])
    return params


def links_rule(params):
    """The rows as the link tables say (the rule before the arrays): the reference to compare with."""
    rows = Programme.objects.published().with_status()
    territory = Territory.objects.filter(kind="department", insee_code=params.get("department")).first() or \
        Territory.objects.filter(kind="region", insee_code=params.get("region")).first()
    if territory:
        scope = TerritoryScope(territory, local_only=params.get("scope") == "local")
        rows = rows.filter(territories__in=scope.inside_ids | scope.containing_ids)
    for name, relation in (("theme", "themes__slug__in"), ("audience", "audiences__slug__in")):
        if params.getlist(name):
            rows = rows.filter(**{relation: params.getlist(name)})
    if params.getlist("kind"):
        rows = rows.filter(kind__in=params.getlist("kind"))
    if params.getlist("status"):
        rows = rows.filter(computed_status__in=params.getlist("status"))
    elif params.get("closed") != "include":  # by default, what one can still act on
        rows = rows.exclude(computed_status="closed")
    if params.get("q"):
        rows = rows.filter(id__in=Programme.objects.search(params["q"]).values("id"))
    return set(rows.values_list("id", flat=True))


@pytest.mark.parametrize("seed", range(3))
def test_the_arrays_select_what_the_links_say(demo, seed):
    rng = random.Random(seed)
    for _ in range(15):
        params = random_params(rng)
        if params.get("region") and params.get("department"):
            del params["department"]
        filterset = filter_programmes(params)
        assert filterset.is_valid(), (params, filterset.errors)
        assert set(filterset.qs.values_list("id", flat=True)) == links_rule(params), params.urlencode()


def test_a_programme_of_a_metropole_applies_in_its_department_and_region_and_france_applies_everywhere(demo):
    rennes = Territory.objects.get(kind="epci", insee_code="243500139")
    programme = Programme.objects.published().first()
    save_programme(programme=programme, territories=[rennes])
    for params, expected in [("department=35", True), ("region=53", True), ("region=84", False), ("region=53&scope=local", True)]:
        assert (programme.id in set(filter_programmes(QueryDict(params)).qs.values_list("id", flat=True))) is expected, params
    save_programme(programme=programme, territories=[Territory.objects.get(kind="country")])
    assert programme.id in set(filter_programmes(QueryDict("region=84")).qs.values_list("id", flat=True))
    assert programme.id not in set(filter_programmes(QueryDict("region=84&scope=local")).qs.values_list("id", flat=True))


def test_listing_export_and_api_give_the_same_rows_in_the_same_order(client, demo):
    for params in ["q=santé", "q=santé&sort=title", "region=53&sort=recent", "kind=funding_call&kind=ami", ""]:
        listing = [p.slug for p in client.get(f"/programmes/?{params}").context["object_list"]]
        expected = list(filter_programmes(QueryDict(params)).qs.values_list("slug", flat=True))
        assert listing == expected[:20], params
        export = client.get(f"/programmes/export.csv?{params}")
        rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
        assert [row["slug"] for row in rows] == expected, params
        api = client.get(f"/api/v1/programmes/?{params}").json()
        assert [row["slug"] for row in api["results"]] == expected[:len(api["results"])], params


def test_a_write_is_seen_at_once(client, demo):
    first = client.get("/programmes/?kind=event").context["paginator"].count
    programme = Programme.objects.published().exclude(kind="event").first()
    programme.kind = "event"
    save_programme(programme=programme)
    assert client.get("/programmes/?kind=event").context["paginator"].count == first + 1
    theme = Theme.objects.exclude(programmes=programme).first()
    save_programme(programme=programme, themes=[theme])
    assert programme in client.get(f"/programmes/?kind=event&theme={theme.slug}").context["object_list"]


def test_too_many_matches_are_given_in_deadline_order_to_every_reader(client, demo, monkeypatch):
    monkeypatch.setattr(ProgrammeFilter, "RANKED_RESULTS", 2)
    response = client.get("/programmes/?q=santé")
    assert response.context["unranked"] is True
    assert "trop de programmes pour les classer" in response.content.decode()
    by_deadline = list(filter_programmes(QueryDict("q=santé&sort=deadline")).qs.values_list("slug", flat=True))
    assert [p.slug for p in response.context["object_list"]] == by_deadline[:20]
    assert list(filter_programmes(QueryDict("q=santé")).qs.values_list("slug", flat=True)) == by_deadline
    api = client.get("/api/v1/programmes/?q=santé").json()
    assert [row["slug"] for row in api["results"]] == by_deadline[:len(api["results"])]
    monkeypatch.setattr(ProgrammeFilter, "RANKED_RESULTS", 1000)
    assert client.get("/programmes/?q=santé").context["unranked"] is False
