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
    with django_assert_num_queries(2):
        page = PageByIds(ordered)[1:4]
    assert [p.title for p in page] == [p.title for p in ordered[1:4]]
    assert PageByIds(ordered).count() == len(PageByIds(ordered)) == 6


def test_a_row_gone_between_the_two_steps_is_left_out(monkeypatch):
    first, second = ProgrammeFactory(title="A"), ProgrammeFactory(title="B")
    ordered = Programme.objects.order_by("title")
    rows = PageByIds(ordered)
    original = ordered.filter

    def filter_after_delete(*args, **kwargs):
        first.delete()
        return original(*args, **kwargs)

    monkeypatch.setattr(ordered, "filter", filter_after_delete)
    assert [p.pk for p in rows[0:2]] == [second.pk]
