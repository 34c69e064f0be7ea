"""Hostile cookies and headers: ignored or answered 4xx, never a 500 (PostgreSQL refuses NUL in text)."""
import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import staff_user

pytestmark = pytest.mark.django_db

URLS = ["/admin/", "/admin/login/", "/admin/programmes/programme/", "/", "/programmes/", "/projets/"]
NUL_COOKIES = [
    'sessionid="abc\\000d"',
    'sessionid="abcdefghijklmnop\\000qrstuvwxyz012345"',
    'csrftoken="abcdefghijklmnop\\000qrstuvwxyz0123456789ABCDEF"',
    'django_language="fr\\000"',
    'sessionid=abcdefghijklmnopqrstuvwxyz0\x001234; csrftoken=x',
    '\x00=1',
]
NUL_HEADERS = ["HTTP_HOST", "HTTP_REFERER", "HTTP_USER_AGENT", "HTTP_ACCEPT_LANGUAGE", "HTTP_IF_NONE_MATCH",
               "HTTP_IF_MODIFIED_SINCE", "HTTP_X_FORWARDED_FOR", "HTTP_ORIGIN", "HTTP_X_CSRFTOKEN"]


def hostile_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("cookie", NUL_COOKIES)
def test_a_cookie_holding_a_nul_is_ignored(url, cookie):
    response = hostile_client().get(url, HTTP_COOKIE=cookie)
    assert response.status_code < 500, (url, cookie, response.status_code)


def test_a_nul_session_cookie_beside_a_valid_one_is_dropped_alone():
    client = hostile_client()
    client.force_login(staff_user(is_superuser=True))
    valid = client.cookies["sessionid"].value
    response = client.get("/admin/", HTTP_COOKIE=f'sessionid={valid}; django_language="en\\000"')
    assert response.status_code == 200


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("header", NUL_HEADERS)
def test_a_header_holding_a_nul_gives_400(url, header):
    response = hostile_client().get(url, **{header: "value\x00more"})
    assert response.status_code == 400, (url, header, response.status_code)


@pytest.mark.parametrize("header", NUL_HEADERS)
def test_a_failed_login_with_a_nul_header_gives_400(header):
    response = hostile_client().post("/admin/login/", {"username": "someone", "password": "wrong"}, **{header: "a\x00b"})
    assert response.status_code == 400


def test_a_nul_in_the_path_gives_400():
    response = hostile_client().get("/admin/programmes/programme/%00/change/")
    assert response.status_code == 400


latin1 = st.text(alphabet=st.characters(max_codepoint=255), max_size=60)
# Escaped in a quoted cookie, \\000 is a NUL once parsed; session keys are looked up from 8 characters.
hostile_values = st.one_of(st.sampled_from(["abcdefgh\\000ijklmnop", "abcdefghijkl\x00mnop", "\\377\\000" * 5]), latin1)
cookie_names = st.sampled_from(["sessionid", "csrftoken", "django_language", "x"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(URLS), cookies=st.lists(st.tuples(cookie_names, hostile_values), max_size=3),
       headers=st.dictionaries(st.sampled_from(NUL_HEADERS), hostile_values, max_size=3))
def test_random_cookies_and_headers_never_give_a_server_error(url, cookies, headers):
    raw = "; ".join(f'{name}="{value}"' if index % 2 else f"{name}={value}" for index, (name, value) in enumerate(cookies))
    response = hostile_client().get(url, HTTP_COOKIE=raw, **headers)
    assert response.status_code < 500, (url, raw, headers, response.status_code)
