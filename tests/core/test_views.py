"""The list view's two-step pages: ids in order first, then those rows."""
import pytest

from core.views import PageByIds
from programmes.models import Programme
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_a_page_holds_the_rows_of_the_ordered_slice_in_order(django_assert_num_queries):
    for title in ["Delta", "alpha", "Charlie", "Bravo", "Echo", "Foxtrot"]:
        ProgrammeFactory(title=title)
    ordered = Programme.objects.order_by("-title", "id")
    with django_assert_num_queries(1):  # the ids
        page = PageByIds(ordered)[1:4]
        assert len(page) == 3 and page  # counted from the ids: no row fetched yet
    expected = [p.title for p in ordered[1:4]]
    with django_assert_num_queries(1):  # the rows, once
        assert [p.title for p in page] == expected
        assert [page[0].title, list(page)[2].title] == [expected[0], expected[2]]
    assert PageByIds(ordered).count() == len(PageByIds(ordered)) == 6


def test_a_page_of_kept_ids_reads_no_query_until_its_rows_are_used(django_assert_num_queries):
    rows = [ProgrammeFactory(title=title) for title in ["A", "B", "C"]]
    ids = [rows[2].pk, rows[0].pk, rows[1].pk]
    with django_assert_num_queries(0):
        page = PageByIds(ids, rows=Programme.objects.all())[0:2]
        assert page.ids == ids[:2] and PageByIds(ids).count() == 3
    with django_assert_num_queries(1):
        assert [p.title for p in page.fetch([rows[0].pk, rows[2].pk])] == ["A", "C"]  # in the order asked


def test_the_rows_come_from_the_given_base_in_the_order_of_the_ids():
    first, second = ProgrammeFactory(title="A"), ProgrammeFactory(title="B")
    ordered = Programme.objects.order_by("-title")
    page = PageByIds(ordered, rows=Programme.objects.with_status().exclude(pk=first.pk))[0:2]
    assert [p.pk for p in page] == [second.pk]  # gone from the base between the two steps: left out
    assert page[0].computed_status  # the base's annotations
