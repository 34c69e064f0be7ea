"""Random and hostile query strings never produce a 500 on any public page or export."""
import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.demo import load_demo_data

PAGES = [
    "/", "/programmes/", "/programmes/export.csv", "/programmes/technopole-sante-dijon/",
    "/acteurs/", "/acteurs/export.csv", "/acteurs/dijon-metropole/", "/projets/", "/projets/export.csv",
]
PARAMS = ["q", "region", "department", "kind", "theme", "audience", "status", "actor", "scope", "sort", "page",
          "dialect", "programme", "year", "beneficiary_kind", "x"]
HOSTILE = ["", "0", "-1", "99999999999999999999", "53", "84", "abc", "1.5", "'; DROP TABLE x;--", "\x00", "%00",
           "é" * 300, "<script>", "=HYPERLINK()", "excel-fr", "local", "open", "funding_call", "e-sante", "../", "\ud7ff"]

values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
query = st.lists(st.tuples(st.sampled_from(PARAMS), values), max_size=6)


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_data()
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(PAGES), params=query)
def test_no_server_error(demo_db, page, params):
    client = Client(raise_request_exception=False)
    response = client.get(page, params)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400), (page, params, response.status_code)
