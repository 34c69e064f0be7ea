"""`DEMO_DATE` (issue 24, item 11): `make run` shows the demo as of a day its data cover, says so on
every page, and production keeps the real date."""
import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from health_registry.settings import demo_date
from programmes.models import Programme
from programmes.status import open_q, today
from tests.factories import ProgrammeFactory

DAY = dt.date(2022, 6, 15)
BANNER = "Démonstration au 15 juin 2022"


def test_the_setting_is_a_date_for_the_demo_only():
    assert demo_date("", debug=False) is None and demo_date("  ", debug=True) is None
    assert demo_date("2022-06-15", debug=True) == DAY
    with pytest.raises(ImproperlyConfigured, match="YYYY-MM-DD"):
        demo_date("15/06/2022", debug=True)
    with pytest.raises(ImproperlyConfigured, match="DEBUG is off"):  # production: the real date, always
        demo_date("2022-06-15", debug=False)


def test_statuses_and_every_page_follow_the_demo_date(client, settings, db):
    call = ProgrammeFactory(title="Appel", opens_on=dt.date(2022, 6, 1), deadline=dt.date(2022, 6, 29))
    settings.DEMO_DATE = None
    assert today() == dt.date.today() and call.status == "closed"
    assert BANNER not in client.get("/").content.decode()
    settings.DEMO_DATE = DAY
    assert today() == DAY and call.status == "open"
    assert list(Programme.objects.filter(open_q())) == [call]
    for path in ["/", "/programmes/appel/", "/acteurs/", "/statistiques/", "/accessibilite/"]:
        html = client.get(path).content.decode()
        assert html.count(BANNER) == 1, path
    assert "Ouvert" in client.get("/programmes/appel/").content.decode()
    assert "Demonstration as of 15 June 2022" in client.get("/en/").content.decode()


def test_make_run_sets_a_day_the_demo_data_cover(settings, db):
    from programmes.demo import load_demo_data

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert re.search(r"DEMO_DATE=\$\(DEMO_DATE\) .*\$\(PY\) manage.py runserver", makefile)
    settings.DEMO_DATE = dt.date.fromisoformat(re.search(r"^DEMO_DATE \?= (\S+)$", makefile, re.M).group(1))
    load_demo_data()
    statuses = {p.status for p in Programme.objects.published()}
    assert {"open", "upcoming", "permanent", "closed"} <= statuses
