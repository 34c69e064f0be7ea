"""Schemathesis against the project's own OpenAPI document (/api/v1/openapi.json), every
operation, through Django's WSGI application in the test's database: 0 failures.

Examples are limited (HYPOTHESIS_EXAMPLES) to keep the run under a minute."""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

pytestmark = pytest.mark.django_db

EXAMPLES = 10
# A schema-valid string may name nothing (`actor=<slug>`, `region=<INSEE code>` of no entry): the
# API refuses it with the listing's 400, as documented. Every other check keeps its defaults.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404", "429"]}}}
)


@pytest.fixture
def keep_connection():
    """Requests through the WSGI handler must not close the test's connection at their end (on
    PostgreSQL that would drop the test's transaction): as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(directory, settings, keep_connection):
    settings.API_RATE_LIMIT = 0  # hundreds of requests from one address in a few seconds
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), config=CONFIG)


def run_operation(operation, mode):
    """Hypothesis over one operation's generated requests; every response validated by every check."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):
        case.call_and_validate(headers={"Accept-Encoding": "identity"})  # the WSGI client does not gunzip

    run()


# Schemathesis's own pytest plugin (`schema.parametrize()`) reads a private attribute pytest 9 no
# longer has; its strategies and checks are used directly instead, one test per generation mode.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 12
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and "{" in operation.path:
            continue  # the detail's only parameter is any string: nothing is schema-violating there
        run_operation(operation, mode)


def test_every_operation_is_in_a_valid_document(client, db):
    from drf_spectacular.validation import validate_schema

    document = client.get("/api/v1/openapi.json").json()
    validate_schema(document)  # against the OpenAPI 3.0 meta-schema
    paths = document["paths"]
    assert set(paths) == {
        f"/api/v1/{name}/{suffix}" for name in ("programmes", "actors", "projects", "territories", "themes", "audiences")
        for suffix in ("", "{key}/")
    }
    parameters = {p["name"] for p in paths["/api/v1/programmes/"]["get"]["parameters"]}
    # Every filter of the listing's FilterSet, and the pages.
    from programmes.filters import ProgrammeFilter

    assert parameters == {*ProgrammeFilter.base_filters, "page", "page_size"} >= {"q", "region", "status", "closed", "sort"}
    region = next(p for p in paths["/api/v1/programmes/"]["get"]["parameters"] if p["name"] == "region")
    assert region["schema"] == {"type": "string"} and "INSEE" in region["description"]
    assert set(paths["/api/v1/programmes/"]["get"]["responses"]) == {"200", "400", "404", "429"}
