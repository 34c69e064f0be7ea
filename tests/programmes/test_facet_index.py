"""The in-memory facet index selects exactly what the FilterSet selects in SQL, and is never stale."""
import random

import pytest
from django.http import QueryDict

from programmes import facet_index
from programmes.facets import IN_MEMORY, Selection
from programmes.filters import ProgrammeFilter, filter_programmes
from programmes.models import Audience, Programme, Theme
from programmes.services import save_programme
from programmes.status import Status
from territories.models import Territory


def test_bitsets_round_trip():
    ids = [0, 1, 7, 8, 9, 63, 64, 1000, 100_003]
    bits = facet_index.bitset(ids)
    assert facet_index.members(bits) == ids
    assert bits.bit_count() == len(ids)
    assert facet_index.bitset([]) == 0 and facet_index.members(0) == []


def test_every_filter_is_either_in_memory_or_run_in_sql():
    """A new filter of the FilterSet needs no change here: unknown ones run in SQL, once."""
    noop = {name for name, f in ProgrammeFilter.base_filters.items() if getattr(f, "method", None) == "filter_noop"}
    assert set(IN_MEMORY) <= set(ProgrammeFilter.base_filters)
    assert noop == {"scope", "sort"}


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
        params["q"] = rng.choice(["santé", "numérique", "cancer", "innovation -région", '"appel à projets"'])
    return params


@pytest.mark.parametrize("seed", range(4))
def test_the_index_selects_what_the_filterset_selects(demo, seed):
    rng = random.Random(seed)
    for _ in range(15):
        params = random_params(rng)
        filterset = filter_programmes(params)
        assert filterset.is_valid(), (params, filterset.errors)
        selection = Selection(filterset)
        expected = set(filterset.qs.values_list("id", flat=True))
        assert set(selection.result_ids()) == expected, params.urlencode()
        assert selection.result_count() == len(expected)


def test_the_listing_is_in_the_filtersets_order(client, demo):
    for params in ["q=santé", "q=santé&sort=title", "region=53&sort=recent", "kind=funding_call&kind=ami"]:
        response = client.get(f"/programmes/?{params}")
        shown = [p.id for p in response.context["object_list"]]
        assert shown == list(filter_programmes(QueryDict(params)).qs.values_list("id", flat=True)[:20]), params


def test_a_write_is_seen_at_once(client, demo):
    """The index follows the directory version: a publication shows in the next count."""
    first = client.get("/programmes/?kind=event").context["paginator"].count
    programme = Programme.objects.published().exclude(kind="event").first()
    programme.kind = "event"
    programme.save()
    assert client.get("/programmes/?kind=event").context["paginator"].count == first + 1


def test_the_index_is_built_once_per_version(demo, django_assert_num_queries):
    facet_index.facet_index()
    with django_assert_num_queries(0):
        facet_index.facet_index()


def test_too_many_results_are_shown_in_deadline_order(client, demo, monkeypatch):
    from programmes.views import programmes as views

    monkeypatch.setattr(views, "RANKED_RESULTS", 2)
    response = client.get("/programmes/?q=santé")
    assert response.context["unranked"] is True
    assert "trop de programmes pour les classer" in response.content.decode()
    shown = [p.id for p in response.context["object_list"]]
    assert shown == list(filter_programmes(QueryDict("q=santé&sort=deadline")).qs.values_list("id", flat=True)[:20])
    monkeypatch.setattr(views, "RANKED_RESULTS", 1000)
    assert client.get("/programmes/?q=santé").context["unranked"] is False


def test_a_search_runs_once_until_the_next_write(demo, django_assert_num_queries):
    def selected(params):
        filterset = filter_programmes(QueryDict(params))
        assert filterset.is_valid()
        return set(Selection(filterset).result_ids())

    first = selected("q=santé")
    with django_assert_num_queries(0):
        assert selected("q=santé&kind=strategy") <= first
    programme = Programme.objects.published().exclude(id__in=first).first()
    programme.title = "Santé publique"
    save_programme(programme=programme)
    assert programme.id in selected("q=santé")


def test_an_ordered_subset_reads_the_whole_order_through_the_bits():
    from programmes.facets import OrderedSubset

    order = [9, 3, 7, 1, 12, 5, 200]
    subset = OrderedSubset(order, facet_index.bitset([1, 5, 7, 12]), 4)
    assert len(subset) == 4 and subset[0:2] == [7, 1] and subset[2:4] == [12, 5] and subset[3] == 5
    assert subset[4:6] == [] and list(OrderedSubset(order, 0, 0)[0:20]) == []


def test_a_value_computed_for_many_threads_at_once_is_computed_once():
    import threading
    import time

    recent, calls = facet_index._Recent(2), []

    def compute():
        calls.append(1)
        time.sleep(0.05)
        return len(calls)

    results = []
    threads = [threading.Thread(target=lambda: results.append(recent.get("key", compute))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and results == [1] * 8
    recent.get("b", lambda: 2), recent.get("c", lambda: 3)
    assert recent.get("key", lambda: "again") == "again"  # the least recently used went
