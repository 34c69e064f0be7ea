"""One digest per due subscription: the programmes of its search published or changed since
its last digest (`Subscription.since`), by the listing's own FilterSet (published entries only).

Nothing is sent when nothing changed; `last_sent_at` moves only once the mail was accepted, to
the instant the run *started* looking (a change made during the run comes again next time rather
than never). A run right after another finds nothing due: running twice sends nothing twice.
Two runs at once (a slow run overlapping the next one) do not both send a digest either: each
subscription is handled under its row lock on PostgreSQL, and skipped by a run that finds it locked."""
import smtplib
from dataclasses import dataclass, field

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from .mail import digest_message
from .models import Subscription
from .search import InvalidSearch, describe, search_of

# Listed in full in a mail; the rest is a link to the listing.
DIGEST_ENTRIES = 50


@dataclass
class Report:
    sent: int = 0
    unchanged: int = 0
    invalid: list = field(default_factory=list)  # subscription ids whose search no longer validates
    failed: list = field(default_factory=list)  # (subscription id, error) the server refused


def changes(filterset, since):
    """The search's programmes changed after `since` (publishing one changes it), latest first."""
    return filterset.qs.filter(updated_at__gt=since).order_by("-updated_at", "-id")


def digest_for(subscription):
    """The digest mail of `subscription`, or None when nothing changed. InvalidSearch if its
    search no longer validates."""
    filterset = search_of(subscription.query)
    changed = changes(filterset, subscription.since)
    programmes = list(changed[:DIGEST_ENTRIES])
    if not programmes:
        return None
    total = len(programmes) if len(programmes) < DIGEST_ENTRIES else changed.count()
    for programme in programmes:
        # New to the subscriber: published (or, without a publication date, created) since.
        programme.is_new = (programme.published_at or programme.created_at) > subscription.since
    return digest_message(subscription, title=describe(filterset), programmes=programmes, total=total)


def send_one(pk, now, connection, report):
    with transaction.atomic():
        # Due still (not sent meanwhile by another run), and not being sent by another run.
        subscription = Subscription.objects.due(now).select_for_update(skip_locked=True).filter(pk=pk).first()
        if subscription is not None:
            _send(subscription, connection, report)


def _send(subscription, connection, report):
    started = timezone.now()
    try:
        message = digest_for(subscription)
    except InvalidSearch as exc:
        report.invalid.append((subscription.pk, str(exc)))
        return
    if message is None:
        report.unchanged += 1
        return
    message.connection = connection
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        report.failed.append((subscription.pk, str(exc)))
        connection.close()  # the next send opens a fresh one: this one may be broken
        return
    Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=started)
    report.sent += 1


def send_due_digests(now=None):
    """Send every due digest; one refused mail does not stop the others (see Report.failed)."""
    now = now or timezone.now()
    report = Report()
    Subscription.objects.expired_unconfirmed(now).delete()  # never confirmed: forget the address
    connection = get_connection()
    try:
        for pk in list(Subscription.objects.due(now).order_by("id").values_list("pk", flat=True)):
            send_one(pk, now, connection, report)
    finally:
        connection.close()
    return report
