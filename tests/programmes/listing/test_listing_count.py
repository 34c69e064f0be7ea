"""The listing's result count: as many as the FilterSet gives."""
from django.http import QueryDict

from programmes.filters import filter_programmes

QUERIES = ["", "region=28", "region=84&kind=funding_call", "q=sante&region=28&theme=e-sante", "region=28&scope=local&status=undated"]


def test_the_listing_count_is_the_filter_count(client, demo):
    for params in QUERIES:
        response = client.get(f"/programmes/?{params}")
        assert response.context["paginator"].count == filter_programmes(QueryDict(params)).qs.count() > 0, params
