"""Facet counts in SQL: each option counts what choosing it would give, in one statement."""
import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from programmes.filters import filter_programmes
from programmes.listing import facet_options
from programmes.listing.facet_counts import FACETS, facet_counts
from territories.models import Territory
from tests.factories import ProgrammeFactory
from tests.programmes.test_listing import random_params

QUERIES = ["", "region=28", "region=84&kind=funding_call", "q=sante&region=28&theme=e-sante", "region=28&scope=local&status=undated"]


def count_with(params, name, value):
    chosen = QueryDict(params, mutable=True)
    chosen.setlist(name, [value])
    filterset = filter_programmes(chosen)
    assert filterset.is_valid(), filterset.errors
    return filterset.qs.count()


def checked_options(params):
    """Every option's count against the FilterSet's own count with that option chosen; their sum."""
    filterset = filter_programmes(QueryDict(params))
    assert filterset.is_valid(), filterset.errors
    options = facet_options.facet_options(filterset, facet_counts(filterset))
    total = 0
    for name in FACETS:
        for value, _label, count, _checked in options[name]:
            assert count == count_with(params, name, value), (params, name, value)
            total += count
    return total


@pytest.mark.parametrize("params", QUERIES)
def test_each_option_counts_what_choosing_it_gives(demo, params):
    assert checked_options(params) > 0


@pytest.mark.parametrize("seed", range(3))
def test_random_selections_count_as_the_filterset(demo, seed):
    """Every filter (department, actor, words too) narrows the counts as it narrows the results."""
    rng = random.Random(seed)
    for _ in range(3):
        checked_options(random_params(rng).urlencode())


def test_the_region_facet_gives_own_and_national_counts(demo):
    filterset = filter_programmes(QueryDict(""))
    assert filterset.is_valid()
    counts = facet_counts(filterset)
    supra = counts["supra_national"]
    assert supra > 0
    for code, total in counts["region"].items():
        own = filter_programmes(QueryDict(f"region={code}&scope=local")).qs.count()
        assert counts["region_own"][code] == own
        assert total == filter_programmes(QueryDict(f"region={code}")).qs.count()
        assert own <= total <= own + supra


def counted(params):
    filterset = filter_programmes(QueryDict(params))
    assert filterset.is_valid()
    with CaptureQueriesContext(connection) as queries:
        counts = facet_counts(filterset)
    grouped = [q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"]]
    return counts, len(queries.captured_queries), grouped


def test_one_statement_whatever_the_rows(db):
    """One GROUP BY statement (on PostgreSQL between SET and RESET of the scan choice), with
    one programme or fifty: the counts come from SQL, not from rows read into Python."""
    ProgrammeFactory(kind="funding_call")
    params = "kind=funding_call&q=programme&status=undated"
    counted(params)  # the search's synonyms read once, then cached
    few, few_queries, few_grouped = counted(params)
    ProgrammeFactory.create_batch(49, kind="funding_call")
    counted(params)  # reference rows are read again once per directory version
    many, many_queries, many_grouped = counted(params)
    assert len(few_grouped) == len(many_grouped) == 1 and "WITH" in many_grouped[0]
    # The statement, the directory version (read at each call outside a request), and on
    # PostgreSQL the SET and RESET of the scan choice.
    assert few_queries == many_queries <= (4 if connection.vendor == "postgresql" else 2)
    assert sum(few["kind"].values()) == 1 and sum(many["kind"].values()) == 50


def test_a_programme_counts_once_per_region_and_once_as_national(geography):
    """Two territories in one region (a department and its métropole), or France and Europe
    together: still one programme."""
    rennes = Territory.objects.get(kind=Territory.Kind.EPCI, insee_code="243500139")
    ille_et_vilaine = Territory.objects.get(kind=Territory.Kind.DEPARTMENT, insee_code="35")
    ProgrammeFactory(territories=[rennes, ille_et_vilaine])
    europe = Territory.objects.filter(kind__in=Territory.SUPRA_NATIONAL)
    assert europe.count() == 2
    ProgrammeFactory(territories=list(europe))
    filterset = filter_programmes(QueryDict(""))
    assert filterset.is_valid()
    counts = facet_counts(filterset)
    assert counts["region_own"]["53"] == 1 and counts["supra_national"] == 1
    assert counts["region"]["53"] == 2 and counts["region"]["84"] == 1 and counts["region_own"]["84"] == 0
