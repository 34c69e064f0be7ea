"""/api/: a rate limit per client address (429 with Retry-After), and CORS open for GET."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 60
    return settings


def test_past_the_limit_a_429_with_retry_after(client, limit):
    answers = [client.get("/api/v1/themes/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["X-RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Trop de requêtes")
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_the_limit_is_per_client_address(client, limit):
    for _ in range(3):
        client.get("/api/v1/themes/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/themes/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/themes/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_proxy_the_forwarded_address_counts(client, limit):
    limit.TRUSTED_PROXY_COUNT = 1
    for index in range(3):
        # The client writes what it likes on the left: only the proxy's entry (rightmost) counts.
        client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR=f"10.0.0.{index}, 198.51.100.7")
    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7").status_code == 429
    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_cached_answers_count_too_and_keep_their_cors_header(client, limit):
    limit.PAGE_CACHE_SECONDS = 600
    answers = [client.get("/api/v1/themes/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[2].has_header("ETag")  # served from the page cache
    assert all(a["Access-Control-Allow-Origin"] == "*" for a in answers)


def test_the_refusals_speak_the_visitors_language(client, db):
    """The middleware runs before the locale middleware, and picks the language the same way."""
    client.cookies["django_language"] = "en"
    body = client.get("/api/v1/themes/?q=%00").json()
    assert body == {"detail": "Invalid filters:", "errors": ["The address contains a null character, which is not allowed."]}


def test_other_pages_are_not_limited(client, limit):
    assert [client.get("/acteurs/").status_code for _ in range(5)] == [200] * 5


def test_cors_open_for_get_on_the_api_only(client, db):
    response = client.get("/api/v1/themes/", HTTP_ORIGIN="https://ailleurs.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/acteurs/", HTTP_ORIGIN="https://ailleurs.example")


def test_cors_preflight(client, db):
    response = client.options("/api/v1/programmes/", HTTP_ORIGIN="https://ailleurs.example",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Accept" in response["Access-Control-Allow-Headers"]


def test_the_api_is_read_only(client, db):
    assert client.post("/api/v1/programmes/", {"title": "x"}).status_code in (403, 405)
    assert client.delete("/api/v1/themes/cancer/").status_code in (403, 405)
