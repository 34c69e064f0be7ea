"""IdIn: `column IN (ids)` with the ids as one bound parameter."""
import pytest

from core.sql import IdIn
from programmes.models import Programme
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_it_selects_exactly_the_listed_rows():
    kept, other = ProgrammeFactory(), ProgrammeFactory()
    assert list(Programme.objects.filter(IdIn("id", [kept.id, 10**9]))) == [kept]
    assert not Programme.objects.filter(IdIn("id", [])).exists()
    assert Programme.objects.exclude(IdIn("id", [kept.id])).get() == other


def test_ten_thousand_ids_make_one_parameter():
    ProgrammeFactory()
    rows = Programme.objects.filter(IdIn("id", range(1, 10_001)))
    _sql, params = rows.query.sql_with_params()
    assert len(params) == 1  # `id__in=` would bind 10,000
    assert rows.count() == 1
