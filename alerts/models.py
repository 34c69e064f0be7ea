"""E-mail alerts: a saved programme search, its address and how often it is sent.

No account: the address is the subscriber's only identity, proven by the confirmation link
(double opt-in). Links carry the subscription's random `key`, signed (see `tokens`), never its
id: on SQLite a deleted row's id can be given again, and an old link must not reach a new row.
"""
import uuid
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# A confirmation link is valid this long; unconfirmed subscriptions are then deleted.
CONFIRMATION_DAYS = 7
# A run of `send_alerts` a few minutes earlier than the previous one (cron's or a timer's jitter)
# must not skip a period; small, so that hourly runs do not move the digests earlier each day.
SLACK = timedelta(minutes=15)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Chaque semaine")


PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def due(self, now):
        """Confirmed subscriptions whose period has passed since their last digest."""
        period_passed = Q(last_sent_at__isnull=True)
        for frequency, period in PERIODS.items():
            period_passed |= Q(frequency=frequency, last_sent_at__lte=now - period + SLACK)
        return self.confirmed().filter(period_passed)

    def expired_unconfirmed(self, now):
        return self.filter(confirmed_at__isnull=True, created_at__lt=now - timedelta(days=CONFIRMATION_DAYS))


class Subscription(models.Model):
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Lower-cased (see forms.SubscribeForm): one address, one subscription per search.
    email = models.EmailField(_("adresse e-mail"))
    # The listing's query string, normalised (see `search.stored_query`) and validated by its FilterSet.
    query = models.TextField(_("recherche"), blank=True)
    frequency = models.CharField(_("fréquence"), max_length=10, choices=Frequency.choices)
    language = models.CharField(_("langue"), max_length=10)
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")
        constraints = [models.UniqueConstraint(fields=["email", "query"], name="alerts_one_per_address_and_search")]

    def __str__(self):
        return str(_("Alerte n° %(id)s") % {"id": self.pk})

    @property
    def since(self):
        """Changes after this instant go into the next digest."""
        return self.last_sent_at or self.confirmed_at
