"""`send_alerts` as cron runs it: a failure for one subscription does not stop the others and
makes the exit status non-zero; a failed digest is sent again next time; nothing is sent
without a mail configuration; a search that no longer validates is skipped and reported."""
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.models import Subscription
from programmes.models import Theme
from tests.alerts.helpers import subscribe_and_confirm
from tests.factories import ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """The locmem backend, but the server refuses one recipient (as SMTP's 550 would)."""

    def send_messages(self, messages):
        for message in messages:
            if "refused@example.org" in message.to:
                raise smtplib.SMTPRecipientsRefused({"refused@example.org": (550, b"No such user")})
        return super().send_messages(messages)


def test_one_failure_does_not_stop_the_others_and_exits_non_zero(client, tree, mailoutbox, settings, capsys):
    for email in ("first@example.org", "refused@example.org", "last@example.org"):
        subscribe_and_confirm(client, mailoutbox, "region=53", email=email)
    ProgrammeFactory(title="Appel breton", territories=[tree["bretagne"]])
    settings.EMAIL_BACKEND = "tests.alerts.test_send_alerts.RefusingBackend"
    with pytest.raises(CommandError, match="1 digest"):
        call_command("send_alerts")
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.org", "last@example.org"]
    assert "No such user" in capsys.readouterr().err
    sent = dict(Subscription.objects.values_list("email", "last_sent_at"))
    assert sent["refused@example.org"] is None and sent["first@example.org"] is not None

    # Next run, the server takes it: only the failed digest goes, with the same programme.
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_alerts")
    assert [m.to for m in mail.outbox] == [["refused@example.org"]]
    assert "Appel breton" in mail.outbox[0].body


def test_the_exit_status_of_the_real_command(client, tree, mailoutbox, settings):
    """`manage.py send_alerts` ends with status 1 when a digest failed (what cron and systemd see)."""
    subscribe_and_confirm(client, mailoutbox, "", email="refused@example.org")
    ProgrammeFactory(territories=[tree["bretagne"]])
    settings.EMAIL_BACKEND = "tests.alerts.test_send_alerts.RefusingBackend"
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "send_alerts"])
    assert exit_info.value.code == 1


def test_refuses_to_run_without_a_mail_configuration(client, tree, mailoutbox, settings):
    subscribe_and_confirm(client, mailoutbox, "")
    ProgrammeFactory(territories=[tree["bretagne"]])
    settings.EMAIL_CONFIGURED = False
    with pytest.raises(CommandError, match="set EMAIL_URL"):
        call_command("send_alerts")
    assert mailoutbox == [] and Subscription.objects.get().last_sent_at is None


def test_a_search_that_no_longer_validates_is_skipped_and_reported(client, tree, mailoutbox, capsys):
    ThemeFactory(slug="robotique", name="Robotique")
    subscribe_and_confirm(client, mailoutbox, "theme=robotique", email="a@example.org")
    subscribe_and_confirm(client, mailoutbox, "", email="b@example.org")
    Theme.objects.filter(slug="robotique").delete()
    ProgrammeFactory(territories=[tree["bretagne"]])
    call_command("send_alerts")
    assert [m.to for m in mailoutbox] == [["b@example.org"]]
    output = capsys.readouterr()
    assert "no longer valid" in output.err and "1 invalid search" in output.out


def test_query_count_does_not_grow_with_the_programmes_listed(client, tree, mailoutbox):
    subscribe_and_confirm(client, mailoutbox, "region=53")
    ProgrammeFactory(territories=[tree["bretagne"]])
    with CaptureQueriesContext(connection) as one:
        call_command("send_alerts")
    Subscription.objects.update(last_sent_at=None)
    for _ in range(20):
        ProgrammeFactory(territories=[tree["bretagne"]])
    with CaptureQueriesContext(connection) as many:
        call_command("send_alerts")
    assert len(mailoutbox) == 2 and "21 programmes" in mailoutbox[1].body
    assert len(many) == len(one)


@pytest.mark.parametrize("frequency, hours_ago, due", [
    ("daily", 23, False), ("daily", 23.8, True), ("daily", 30, True),
    ("weekly", 6 * 24, False), ("weekly", 7 * 24 - 0.2, True),
])
def test_due_allows_a_little_jitter_and_no_more(db, frequency, hours_ago, due):
    now = timezone.now()
    Subscription.objects.create(email="a@example.org", frequency=frequency, language="fr", confirmed_at=now - timedelta(days=30),
                                last_sent_at=now - timedelta(hours=hours_ago))
    Subscription.objects.create(email="b@example.org", frequency=frequency, language="fr")  # unconfirmed: never due
    assert list(Subscription.objects.due(now).values_list("email", flat=True)) == (["a@example.org"] if due else [])
