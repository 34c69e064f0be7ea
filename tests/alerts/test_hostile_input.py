"""Every bad input to the alert pages gets a 4xx and a message, never a 500 nor a mail: bad
addresses, unknown frequencies, invalid searches, forged, tampered or expired links, floods."""
import pytest
from django.core import signing

from alerts import tokens
from alerts.models import Subscription
from tests.alerts.helpers import confirmation_link, subscribe

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("email, message", [
    ("", "Indiquez votre adresse e-mail."),
    ("pas-une-adresse", "Cette adresse e-mail n&#x27;est pas valide."),
    ("a@b@example.org", "Cette adresse e-mail n&#x27;est pas valide."),
    ("lea@example.org\nBcc: victim@example.org", "Cette adresse e-mail n&#x27;est pas valide."),
    ("x" * 250 + "@example.org", "254"),
])
def test_bad_addresses(client, tree, mailoutbox, email, message):
    response = subscribe(client, "region=53", email=email)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert mailoutbox == [] and not Subscription.objects.exists()


@pytest.mark.parametrize("frequency", ["hourly", "", "daily\x00"])
def test_unknown_frequency(client, tree, mailoutbox, frequency):
    response = subscribe(client, "region=53", frequency=frequency)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Fréquence inconnue" in text or "Choisissez une fréquence" in text
    assert mailoutbox == []


@pytest.mark.parametrize("query, message", [
    ("region=99", "« 99 »"),
    ("status=bientot", "bientot"),
    ("theme=inexistant", "inexistant"),
    ("region=53&region=84", "une fois"),
    ("sort=random", "random"),
    ("q=" + "a" * 300, "200"),
])
def test_invalid_searches_are_refused_as_the_listing_refuses_them(client, tree, mailoutbox, query, message):
    assert client.get(f"/programmes/?{query}").status_code == 400
    for response in (client.get(f"/alertes/?{query}"), subscribe(client, query)):
        assert response.status_code == 400
        assert message in response.content.decode()
    assert mailoutbox == [] and not Subscription.objects.exists()


def test_a_search_too_long_to_store(client, tree, mailoutbox):
    query = "&".join(["kind=ami"] * 200)
    response = subscribe(client, query)
    assert response.status_code == 400 and "trop longue" in response.content.decode()


@pytest.mark.parametrize("view", ["confirmer", "desinscription"])
@pytest.mark.parametrize("token", ["nimportequoi", "a:b:c", "%00", "é" * 10, "x" * 2000])
def test_forged_links(client, db, view, token):
    for response in (client.get(f"/alertes/{view}/{token}/"), client.post(f"/alertes/{view}/{token}/")):
        assert response.status_code == 400
        # A NUL is refused before any view, by core.middleware, with its own message.
        assert token == "%00" or "Ce lien n&#x27;est pas valide" in response.content.decode()


def test_tampered_signatures_and_swapped_links(client, tree, mailoutbox):
    subscribe(client, "region=53")
    subscription = Subscription.objects.get()
    link = confirmation_link(mailoutbox[0])
    value, signature = link.rstrip("/").rsplit(":", 1)
    tampered = value + ":" + ("A" if signature[0] != "A" else "B") + signature[1:] + "/"
    assert client.post(tampered).status_code == 400
    # Another key signed with the right salt but a different secret.
    other = signing.dumps(subscription.key.hex, salt=tokens.CONFIRM_SALT, key="not-our-secret-key-" * 3)
    assert client.post(f"/alertes/confirmer/{other}/").status_code == 400
    # A confirmation link is not an unsubscription link, nor the reverse.
    assert client.post(link.replace("/confirmer/", "/desinscription/")).status_code == 400
    unsubscribe = f"/alertes/confirmer/{tokens.unsubscribe_token(subscription)}/"
    assert client.post(unsubscribe).status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link(client, tree, mailoutbox, monkeypatch):
    subscribe(client, "region=53")
    link = confirmation_link(mailoutbox[0])
    monkeypatch.setattr("django.core.signing.time.time", lambda: 10**10)
    response = client.post(link)
    assert response.status_code == 400 and "a expiré" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_a_link_to_a_deleted_subscription(client, tree, mailoutbox):
    subscribe(client, "region=53")
    Subscription.objects.all().delete()
    response = client.post(confirmation_link(mailoutbox[0]))
    assert response.status_code == 404 and "n&#x27;existe plus" in response.content.decode()


def test_other_methods(client, db):
    assert client.put("/alertes/").status_code == 405
    assert client.delete("/alertes/desinscription/x/").status_code == 405


def test_a_flood_on_one_address_sends_few_mails(client, tree, mailoutbox, settings):
    for region in ("53", "84", "04", "53&scope=local", "84&scope=local"):
        subscribe(client, f"region={region}", email="victim@example.org")
    assert len(mailoutbox) == 3
    response = subscribe(client, "", email="victim@example.org")
    assert response.status_code == 429 and "Trop de demandes" in response.content.decode()


def test_a_flood_on_spellings_of_one_address_sends_few_mails(client, tree, mailoutbox):
    """`Victim@…` and `victim+tag@…` reach the same inbox: counted as one address."""
    for region, email in [("53", "victim+1@example.org"), ("84", "Victim@Example.org"), ("04", "victim+2@example.org")]:
        assert subscribe(client, f"region={region}", email=email).status_code == 200
    assert subscribe(client, "region=53&scope=local", email="VICTIM+3@example.org").status_code == 429
    assert len(mailoutbox) == 3


def test_a_flood_from_one_client_is_cut_off(client, tree, mailoutbox, settings):
    for n in range(10):
        assert subscribe(client, "region=53", email=f"person{n}@example.org").status_code == 200
    assert subscribe(client, "region=53", email="another@example.org").status_code == 429
    other_client = subscribe(client, "region=53", email="another@example.org", REMOTE_ADDR="192.0.2.9")
    assert other_client.status_code == 200
    assert len(mailoutbox) == 11


def test_no_page_shows_an_address_and_alert_pages_are_not_cached(client, tree, mailoutbox, settings):
    settings.PAGE_CACHE_SECONDS = 600
    response = subscribe(client, "region=53", email="secret.person@example.org")
    assert "secret.person" not in response.content.decode()
    link = confirmation_link(mailoutbox[0])
    for url in (link, link.replace("/confirmer/", "/desinscription/"), "/alertes/?region=53"):
        response = client.get(url)
        assert "secret.person" not in response.content.decode()
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_subscription_pages_refuse_when_mail_is_not_configured(client, tree, mailoutbox, settings):
    settings.EMAIL_CONFIGURED = False
    assert client.get("/alertes/?region=53").status_code == 503
    assert subscribe(client, "region=53").status_code == 503
    assert mailoutbox == []


def test_a_mail_server_failure_is_a_503_with_a_message(client, tree, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = subscribe(client, "region=53")
    assert response.status_code == 503 and "Réessayez plus tard" in response.content.decode()
