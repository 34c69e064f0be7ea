"""Programme status, computed from the dates, never stored.

The same rule exists twice on purpose: as Python (for one object) and as a SQL
CASE (to filter, count and sort whole querysets). Tests check they agree.
"""
from django.conf import settings
from django.db import models
from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Recurrence(models.TextChoices):
    ONE_OFF = "one_off", _("Ponctuel")
    RECURRING = "recurring", _("Récurrent")
    ANNUAL = "annual", _("Annuel")
    PERMANENT = "permanent", _("Permanent / au fil de l'eau")


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("À venir")
    OPEN = "open", _("Ouvert")
    CLOSED = "closed", _("Clos")
    PERMANENT = "permanent", _("Permanent")
    # Neither a deadline nor a permanent scheme: we do not claim it is open.
    UNDATED = "undated", _("Dates non communiquées")


def today():
    """The date statuses are computed on: the real one, or the demo's (`DEMO_DATE`, `make run` only)."""
    return getattr(settings, "DEMO_DATE", None) or timezone.localdate()


def compute_status(*, opens_on, deadline, recurrence, on=None):
    on = on or today()
    if recurrence == Recurrence.PERMANENT:
        return Status.PERMANENT
    if opens_on and opens_on > on:
        return Status.UPCOMING
    if deadline and deadline < on:
        return Status.CLOSED
    if deadline:
        return Status.OPEN
    return Status.UNDATED


def status_expression(on=None):
    on = on or today()
    return Case(
        When(recurrence=Recurrence.PERMANENT, then=Value(Status.PERMANENT.value)),
        When(opens_on__gt=on, then=Value(Status.UPCOMING.value)),
        When(deadline__lt=on, then=Value(Status.CLOSED.value)),
        When(deadline__isnull=False, then=Value(Status.OPEN.value)),
        default=Value(Status.UNDATED.value),
        output_field=CharField(),
    )


def open_q(on=None):
    """Programmes accepting applications on `on` (open or permanent)."""
    on = on or today()
    return Q(recurrence=Recurrence.PERMANENT) | (
        (Q(opens_on__isnull=True) | Q(opens_on__lte=on)) & Q(deadline__gte=on)
    )
