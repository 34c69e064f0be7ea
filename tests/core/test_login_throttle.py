"""Per account, failures from every address slow guessing down, never locking the owner out for long."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F, Sum
from django.test import Client, RequestFactory

from core.login_throttle import seconds_to_wait
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
OWNER_ADDRESS = "203.0.113.5"


def login(password, address, client=None, proxy=None):
    """One admin login POST from `address`, directly or (`proxy`) through one trusted proxy."""
    headers = {"REMOTE_ADDR": address} if proxy is None else {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": address}
    return (client or Client()).post("/admin/login/?next=/admin/", {"username": "editrice", "password": password}, **headers)


def time_passes(seconds):
    """Move every recorded failure `seconds` into the past, as if the clock had run."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=seconds))


def recorded_failures():
    return AccessAttempt.objects.filter(username="editrice").aggregate(n=Sum("failures_since_start"))["n"] or 0


def distributed_failures(count, first=1):
    """`count` wrong passwords, each from a different address (no address reaches its own lockout)."""
    return [login("wrong", f"198.51.100.{first + n}") for n in range(count)]


@pytest.fixture
def owner(db):
    return UserFactory(username="editrice", is_staff=True)


@pytest.mark.parametrize("spread", ["one address", "twenty addresses"])
def test_a_strangers_failures_never_lock_the_owner_out_for_an_hour(settings, owner, spread):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(20):
        stranger = "198.51.100.7" if spread == "one address" else f"198.51.100.{n + 1}"
        login("wrong", stranger, proxy="10.0.0.1")
    # At worst a short wait (LOGIN_ACCOUNT_DELAY after the last counted failure), not an hour.
    time_passes(settings.LOGIN_ACCOUNT_DELAY + 1)
    assert login(PASSWORD, OWNER_ADDRESS, proxy="10.0.0.1").status_code == 302


def test_the_owner_gets_in_at_once_from_an_address_they_used_before(owner):
    assert login(PASSWORD, OWNER_ADDRESS).status_code == 302
    distributed_failures(20)
    assert login(PASSWORD, "192.0.2.99").status_code == 429  # a new address waits
    assert login(PASSWORD, OWNER_ADDRESS).status_code == 302


def test_failures_from_many_addresses_make_the_account_wait(settings, owner):
    assert all(response.status_code == 200 for response in distributed_failures(settings.LOGIN_ACCOUNT_FAILURE_LIMIT))
    refused = login(PASSWORD, "192.0.2.50")  # even the right password is not checked now
    assert refused.status_code == 429
    assert "Réessayez dans 1 minute." in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= settings.LOGIN_ACCOUNT_DELAY
    # A refused attempt is no guess: it is not counted, so it cannot lengthen the wait.
    assert recorded_failures() == settings.LOGIN_ACCOUNT_FAILURE_LIMIT


def test_the_wait_doubles_with_each_further_failure(settings, owner):
    distributed_failures(settings.LOGIN_ACCOUNT_FAILURE_LIMIT)
    time_passes(61)
    assert login("wrong", "192.0.2.50").status_code == 200  # checked, failed: now 2 minutes
    assert "Réessayez dans 2 minutes." in login(PASSWORD, "192.0.2.51").content.decode()
    time_passes(61)
    assert login(PASSWORD, "192.0.2.51").status_code == 429
    time_passes(60)
    assert login(PASSWORD, "192.0.2.51").status_code == 302


def test_the_wait_never_exceeds_the_maximum(settings, owner):
    AccessAttempt.objects.create(username="editrice", ip_address="198.51.100.1", user_agent="x", get_data="",
                                 post_data="", http_accept="", path_info="/admin/login/", failures_since_start=500)
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="192.0.2.50")
    assert settings.LOGIN_ACCOUNT_MAX_DELAY - 5 <= seconds_to_wait(request, "editrice") <= settings.LOGIN_ACCOUNT_MAX_DELAY


def test_other_accounts_are_not_slowed(settings, owner):
    UserFactory(username="relecteur", is_staff=True)
    distributed_failures(settings.LOGIN_ACCOUNT_FAILURE_LIMIT + 5)
    response = Client().post("/admin/login/?next=/admin/", {"username": "relecteur", "password": PASSWORD},
                             REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 302
