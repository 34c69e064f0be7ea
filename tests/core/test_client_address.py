"""The client's address comes from the trusted proxies, so lockouts hit the real client."""
import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from core.client_address import client_ip
from health_registry.settings import BASE_DIR
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
PROXY = "10.0.0.1"


def request_from(remote_addr=PROXY, forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def login(client, password, forwarded=None, remote_addr=PROXY):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/admin/login/?next=/admin/", {"username": "editrice", "password": password}, **headers)


def test_without_proxies_the_connection_address_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("192.0.2.4", forwarded="198.51.100.7")) == "192.0.2.4"


@pytest.mark.parametrize("count, expected", [(1, "198.51.100.7"), (2, "203.0.113.5")])
def test_the_nth_entry_from_the_right_is_the_client(settings, count, expected):
    settings.TRUSTED_PROXY_COUNT = count
    # The client wrote "6.6.6.6" itself; each proxy appended the address it was contacted from.
    assert client_ip(request_from(forwarded="6.6.6.6, 203.0.113.5, 198.51.100.7")) == expected


@pytest.mark.parametrize("entry, expected", [
    ("203.0.113.7:443", "203.0.113.7"),
    ("[2001:DB8::1]:443", "2001:db8::1"),
    (" 2001:0db8:0000::1 ", "2001:db8::1"),
])
def test_ports_and_spellings_are_normalised(settings, entry, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=entry)) == expected


MALFORMED = ["", " ", ",", "garbage", "1.2.3.4.5", "999.1.1.1", "::::", "[::1", "fe80::1%eth0", "1.2.3.4:abc",
             "é" * 300, "1.2.3.4; DROP TABLE", "unknown", "\t,\t", "0x7f.1", "1.2.3.4, , "]


@pytest.mark.parametrize("forwarded", MALFORMED)
def test_a_malformed_header_falls_back_to_the_connection_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=forwarded)) == PROXY


def test_fewer_hops_than_proxies_falls_back_to_the_connection_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from(forwarded="198.51.100.7")) == PROXY
    assert client_ip(request_from(forwarded=None)) == PROXY


def test_an_unusable_connection_address_gives_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from(remote_addr="")) is None


@pytest.mark.django_db
@pytest.mark.parametrize("forwarded", MALFORMED + ["\x00", "1.2.3.4\x00"])
def test_a_malformed_header_never_gives_a_server_error(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="editrice", is_staff=True)
    response = login(Client(raise_request_exception=False), "wrong", forwarded=forwarded)
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_two_clients_behind_the_same_proxy_do_not_lock_each_other(settings, client):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="editrice", is_staff=True)
    # The stranger even forges the owner's address in front: the proxy appends the real one.
    for _ in range(5):
        response = login(Client(), "wrong", forwarded="203.0.113.5, 198.51.100.7")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    assert login(client, PASSWORD, forwarded="203.0.113.5").status_code == 302
    # The stranger's own address stays locked, even with the right password.
    assert login(Client(), PASSWORD, forwarded="198.51.100.7").status_code == 429


@pytest.mark.parametrize("value, expected", [(None, "0"), ("2", "2")])
def test_the_proxy_count_comes_from_the_environment(value, expected):
    env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXY_COUNT"} | {"DEBUG": "true"}
    if value is not None:
        env["TRUSTED_PROXY_COUNT"] = value
    code = "from health_registry import settings as s; print(s.TRUSTED_PROXY_COUNT, s.AXES_CLIENT_IP_CALLABLE)"
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    assert result.stdout.split() == [expected, "core.client_address.client_ip"], result.stderr
