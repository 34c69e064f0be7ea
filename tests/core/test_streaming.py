"""`stream_rows` gives what `values_list()` gives, read as it comes; `listed` lists a relation in the row."""
import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.streaming import listed, stream_rows
from programmes.models import Programme
from tests.factories import ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(db):
    themes = [ThemeFactory(), ThemeFactory()]
    ProgrammeFactory(title="B", total_budget=Decimal("1234.50"), deadline=datetime.date(2030, 1, 2), themes=themes)
    ProgrammeFactory(title="A", amount_min=Decimal("10"))
    ProgrammeFactory(title="C", themes=themes[:1])
    return themes


def test_rows_are_those_of_values_list(programmes):
    queryset = Programme.objects.with_status().order_by("-title").values_list("title", "computed_status", "total_budget", "deadline", "id")
    assert list(stream_rows(queryset, chunk_size=2)) == list(queryset)
    assert isinstance(next(stream_rows(queryset))[2], (Decimal, type(None)))


def test_listed_gives_each_row_its_ids(programmes):
    themes = listed(Programme.themes.through.objects, "programme", "theme_id")
    rows = dict(stream_rows(Programme.objects.annotate(listed_themes=themes).values_list("title", "listed_themes")))
    assert sorted(rows["B"].split(",")) == sorted(str(theme.id) for theme in programmes)
    assert rows["C"] == str(programmes[0].id)
    assert rows["A"] is None


def test_an_empty_queryset_streams_nothing(programmes):
    assert list(stream_rows(Programme.objects.none().values_list("id"))) == []
    assert list(stream_rows(Programme.objects.filter(title="absent").values_list("id"))) == []


def test_one_logged_query_whatever_the_number_of_rows(programmes, settings):
    settings.DEBUG = False
    queryset = Programme.objects.values_list("title")
    with CaptureQueriesContext(connection) as all_rows:
        assert len(list(stream_rows(queryset, chunk_size=1))) == 3
    with CaptureQueriesContext(connection) as one_row:
        assert len(list(stream_rows(queryset.filter(title="A"), chunk_size=1))) == 1
    assert len(all_rows) == len(one_row)
    assert sum("SELECT" in query["sql"] for query in all_rows.captured_queries) == 1


def test_a_stream_closed_early_leaves_the_connection_usable(programmes):
    rows = stream_rows(Programme.objects.order_by("title").values_list("title"), chunk_size=1)
    assert next(rows) == ("A",)
    rows.close()
    assert Programme.objects.count() == 3
