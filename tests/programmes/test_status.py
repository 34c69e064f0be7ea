import datetime

import pytest

from programmes.models import Programme
from programmes.status import Recurrence, Status, compute_status
from tests.factories import ProgrammeFactory

D = datetime.date
TODAY = D(2026, 3, 15)

CASES = [
    # opens_on, deadline, recurrence, expected
    (None, None, Recurrence.PERMANENT, Status.PERMANENT),
    (D(2020, 1, 1), D(2021, 1, 1), Recurrence.PERMANENT, Status.PERMANENT),
    (D(2026, 4, 1), D(2026, 6, 1), Recurrence.ONE_OFF, Status.UPCOMING),
    (D(2026, 4, 1), None, Recurrence.RECURRING, Status.UPCOMING),
    (D(2026, 1, 1), D(2026, 3, 15), Recurrence.ONE_OFF, Status.OPEN),  # deadline day is still open
    (None, D(2026, 12, 31), Recurrence.ONE_OFF, Status.OPEN),
    (D(2026, 3, 15), D(2026, 3, 20), Recurrence.ONE_OFF, Status.OPEN),  # opening day is open
    (D(2026, 1, 1), D(2026, 3, 14), Recurrence.ONE_OFF, Status.CLOSED),
    (None, D(2020, 1, 1), Recurrence.RECURRING, Status.CLOSED),
    (D(2021, 10, 18), None, Recurrence.ONE_OFF, Status.UNDATED),
    (None, None, Recurrence.ONE_OFF, Status.UNDATED),
]


@pytest.mark.parametrize("opens_on, deadline, recurrence, expected", CASES)
def test_python_status(opens_on, deadline, recurrence, expected):
    assert compute_status(opens_on=opens_on, deadline=deadline, recurrence=recurrence, on=TODAY) == expected


@pytest.mark.django_db
def test_sql_status_agrees_with_python():
    for index, (opens_on, deadline, recurrence, _expected) in enumerate(CASES):
        ProgrammeFactory(title=f"Cas {index}", opens_on=opens_on, deadline=deadline, recurrence=recurrence)
    for programme in Programme.objects.with_status(TODAY):
        python = compute_status(opens_on=programme.opens_on, deadline=programme.deadline, recurrence=programme.recurrence, on=TODAY)
        assert programme.computed_status == python, programme.title


@pytest.mark.django_db
def test_status_property_uses_today(monkeypatch):
    import programmes.status as status_module

    monkeypatch.setattr(status_module, "today", lambda: TODAY)
    programme = ProgrammeFactory(opens_on=D(2026, 1, 1), deadline=D(2026, 2, 1))
    assert programme.status == Status.CLOSED
    assert programme.get_status_display() == "Clos"
