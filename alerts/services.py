"""Writes of subscriptions: the views and the command go through these."""
from django.utils import timezone

from .mail import confirmation_message
from .models import Subscription


def request_subscription(*, email, query, frequency, language, title):
    """Record a request and mail its confirmation link. Nothing is mailed when the address
    already follows this search (the page says the same either way: it reveals nothing)."""
    subscription, created = Subscription.objects.get_or_create(
        email=email, query=query, defaults={"frequency": frequency, "language": language},
    )
    if not created:
        if subscription.confirmed_at:
            return None
        # A second request before confirming: its choices win, and the link comes again.
        subscription.frequency, subscription.language = frequency, language
        subscription.save(update_fields=["frequency", "language"])
    confirmation_message(subscription, title=title).send()
    return subscription


def confirm(*, subscription):
    """Idempotent: a second click keeps the first confirmation's date."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=subscription.confirmed_at)
    return subscription


def unsubscribe(*, key):
    """Forget the subscription, address included. Idempotent (RFC 8058 clients may retry)."""
    Subscription.objects.filter(key=key).delete()
