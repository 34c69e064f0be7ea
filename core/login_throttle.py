"""A per-account brake on password guessing, on top of django-axes' per-address lockout.

django-axes locks one account *from one address* after AXES_FAILURE_LIMIT failures, so a
stranger cannot lock the owner out, but an attacker with many addresses could guess on. Here
the failures on one account from every address are added up: past LOGIN_ACCOUNT_FAILURE_LIMIT,
each attempt must wait LOGIN_ACCOUNT_DELAY seconds after the last failure, doubled at each
further failure, never more than LOGIN_ACCOUNT_MAX_DELAY. Refused attempts check no password
and are not counted, so the wait never grows into an hour-long lock; and an address the account
logged in from recently is exempt, so its owner still gets in at once from their usual place.
Nothing is counted in a cache: both brakes read django-axes' rows in the database (its default
handler), so every worker process sees the same failures.
"""
import math
from datetime import timedelta

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from core.client_address import client_ip


def seconds_to_wait(request, username):
    """How long `username` must wait before its password is checked again from this client."""
    failures, last = recent_failures(username)
    limit = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    if failures < limit or is_known_address(request, username):
        return 0
    # Capped exponent: the delay is capped anyway, and 2 ** huge would be a wasted bignum.
    delay = min(settings.LOGIN_ACCOUNT_MAX_DELAY, settings.LOGIN_ACCOUNT_DELAY * 2 ** min(failures - limit, 20))
    remaining = delay - (timezone.now() - last).total_seconds()
    return max(0, math.ceil(remaining))


def recent_failures(username):
    """(failures from every address, time of the latest) within django-axes' cool-off window."""
    since = timezone.now() - get_cool_off()
    totals = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    return totals["failures"] or 0, totals["last"]


def is_known_address(request, username):
    """Whether the account logged in successfully from this client's address lately."""
    address = client_ip(request)
    if address is None:
        return False
    since = timezone.now() - timedelta(days=settings.LOGIN_KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(username=username, ip_address=address, attempt_time__gte=since).exists()


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, refusing to check a password while the account must wait."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "throttled": ngettext_lazy(
            "Trop de tentatives de connexion ont échoué pour ce compte. Réessayez dans %(minutes)s minute.",
            "Trop de tentatives de connexion ont échoué pour ce compte. Réessayez dans %(minutes)s minutes.",
            "minutes",
        ),
    }
    wait_seconds = 0

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            self.wait_seconds = seconds_to_wait(self.request, username)
            if self.wait_seconds:
                minutes = math.ceil(self.wait_seconds / 60)
                raise ValidationError(self.error_messages["throttled"], code="throttled", params={"minutes": minutes})
        return super().clean()


def admin_login(request, extra_context=None):
    """The admin's login view, answering 429 with Retry-After while the account must wait."""
    response = admin.site.login(request, extra_context)
    form = (getattr(response, "context_data", None) or {}).get("form")
    if isinstance(form, ThrottledAuthenticationForm) and form.has_error(NON_FIELD_ERRORS, "throttled"):
        response.status_code = 429
        response["Retry-After"] = str(form.wait_seconds)
    return response
