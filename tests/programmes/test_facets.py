"""Facet counts equal what choosing the option would give, whichever way the rows are shared."""
import pytest
from django.http import QueryDict

from programmes import facets
from programmes.filters import filter_programmes

QUERIES = ["", "region=28", "region=84&kind=funding_call", "q=sante&region=28&theme=e-sante", "region=28&scope=local&status=undated"]


def count_with(params, name, value):
    chosen = QueryDict(params, mutable=True)
    chosen.setlist(name, [value])
    filterset = filter_programmes(chosen)
    assert filterset.is_valid(), filterset.errors
    return filterset.qs.count()


@pytest.mark.parametrize("params", QUERIES)
def test_each_option_counts_what_choosing_it_gives(demo, params):
    filterset = filter_programmes(QueryDict(params))
    assert filterset.is_valid(), filterset.errors
    counts = facets.facet_counts(filterset)
    options = facets.facet_options(filterset, counts)
    checked = 0
    for name in facets.FACETS:
        for value, _label, count, _checked in options[name]:
            assert count == count_with(params, name, value), (name, value)
            checked += count
    assert checked > 0


def test_the_listing_count_is_the_filter_count(client, demo):
    for params in QUERIES:
        response = client.get(f"/programmes/?{params}")
        assert response.context["paginator"].count == filter_programmes(QueryDict(params)).qs.count() > 0, params
