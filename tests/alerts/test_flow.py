"""The whole alert, as a visitor lives it, with Django's mail outbox: the link on a listing →
subscribe → confirmation mail → confirm → `send_alerts` digest of the search's new and changed
published programmes only → unsubscribe (the page's button, and RFC 8058's one-click POST)."""
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import Client

from alerts import tokens
from alerts.models import Subscription
from editorial.models import PublicationState
from programmes.models import Programme
from tests.alerts.helpers import confirmation_link, links_in, subscribe, subscribe_and_confirm, unsubscribe_link
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def age(days, **filters):
    """Move these programmes' last change `days` into the past."""
    Programme.objects.filter(**filters).update(updated_at=F("updated_at") - timedelta(days=days),
                                               created_at=F("created_at") - timedelta(days=days))


def test_subscribe_confirm_digest_unsubscribe(client, tree, mailoutbox):
    old = ProgrammeFactory(title="Ancien appel breton", territories=[tree["bretagne"]])
    unchanged = ProgrammeFactory(title="Appel breton inchangé", territories=[tree["bretagne"]])
    age(2)

    listing = client.get("/programmes/?region=53&page=1")
    assert 'href="/alertes/?region=53"' in listing.content.decode()
    page = client.get("/alertes/?region=53")
    assert page.status_code == 200
    assert 'name="query" value="region=53"' in page.content.decode()
    assert "Bretagne" in page.content.decode()

    response = subscribe(client, "region=53", email="Lea@Example.org", frequency="daily")
    assert response.status_code == 200
    [mail] = mailoutbox
    assert mail.to == ["lea@example.org"] and "Bretagne" in mail.subject
    assert "Lea@Example.org".lower() not in response.content.decode().lower()  # never shown on a page
    call_command("send_alerts")  # not confirmed: nothing is sent
    assert len(mailoutbox) == 1

    assert client.get(confirmation_link(mail)).status_code == 200  # a page with a button: scanners open links
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(confirmation_link(mail)).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None
    mailoutbox.clear()

    new = ProgrammeFactory(title="Nouvel appel breton", territories=[tree["bretagne"]])
    national = ProgrammeFactory(title="Appel national", territories=[tree["fr"]])
    ProgrammeFactory(title="Appel lyonnais", territories=[tree["ara"]])
    ProgrammeFactory(title="Brouillon breton", territories=[tree["bretagne"]], publication_state=PublicationState.DRAFT)
    old.title = "Ancien appel breton, prolongé"
    old.save()

    call_command("send_alerts")
    [digest] = mailoutbox
    assert digest.to == ["lea@example.org"]
    for programme in (new, national, old):
        assert programme.title in digest.body and programme.get_absolute_url() in digest.body
    for title in ("Appel lyonnais", "Brouillon breton", unchanged.title):
        assert title not in digest.body
    assert "3 programmes nouveaux ou mis à jour" in digest.body
    assert f"{new.title} [nouveau]" in digest.body and f"{old.title} [mis à jour]" in digest.body
    [(html, mimetype)] = digest.alternatives
    assert mimetype == "text/html" and new.title in html and "Se désabonner" in html
    unsubscribe_url = unsubscribe_link(digest)
    assert digest.extra_headers["List-Unsubscribe"] == f"<https://annuaire.example.org{unsubscribe_url}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    call_command("send_alerts")  # run twice: nothing twice
    assert len(mailoutbox) == 1

    page = client.get(unsubscribe_url)
    assert page.status_code == 200 and "Ne plus recevoir" in page.content.decode()
    assert Subscription.objects.exists()
    one_click = client.post(unsubscribe_url, "List-Unsubscribe=One-Click",
                            content_type="application/x-www-form-urlencoded", enforce_csrf_checks=True)
    assert one_click.status_code == 200
    assert not Subscription.objects.exists()  # the address is gone
    assert client.post(unsubscribe_url).status_code == 200  # a retried one-click is fine
    assert client.get(unsubscribe_url).status_code == 200


def test_the_unsubscribe_button_works_with_csrf_checks(tree, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    Subscription.objects.create(email="a@example.org", query="", frequency="daily", language="fr")
    url = f"/alertes/desinscription/{tokens.unsubscribe_token(Subscription.objects.get())}/"
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()


def test_the_next_digest_holds_only_what_changed_since_the_last_one(client, tree, mailoutbox):
    subscribe_and_confirm(client, mailoutbox, "region=53", frequency="daily")
    first = ProgrammeFactory(title="Premier", territories=[tree["bretagne"]])
    call_command("send_alerts")
    assert "Premier" in mailoutbox.pop().body
    # A day later, one more programme.
    Subscription.objects.update(last_sent_at=F("last_sent_at") - timedelta(days=1))
    age(1, pk=first.pk)
    ProgrammeFactory(title="Second", territories=[tree["bretagne"]])
    call_command("send_alerts")
    [digest] = mailoutbox
    assert "Second" in digest.body and "Premier" not in digest.body
    # Another day without news: no mail, and the next one still counts from the last digest.
    mailoutbox.clear()
    Subscription.objects.update(last_sent_at=F("last_sent_at") - timedelta(days=1))
    Programme.objects.update(updated_at=F("updated_at") - timedelta(days=1))
    call_command("send_alerts")
    assert mailoutbox == []


def test_weekly_waits_a_week(client, tree, mailoutbox):
    subscribe_and_confirm(client, mailoutbox, "", frequency="weekly")
    ProgrammeFactory(title="Premier", territories=[tree["bretagne"]])
    call_command("send_alerts")
    assert len(mailoutbox) == 1
    ProgrammeFactory(title="Second", territories=[tree["bretagne"]])
    Subscription.objects.update(last_sent_at=F("last_sent_at") - timedelta(days=3))
    call_command("send_alerts")
    assert len(mailoutbox) == 1  # three days later: not yet
    Subscription.objects.update(last_sent_at=F("last_sent_at") - timedelta(days=4))
    call_command("send_alerts")
    assert len(mailoutbox) == 2 and "Second" in mailoutbox[1].body


def test_english_subscribers_get_english_mails(client, tree, mailoutbox):
    """Subscribed from the English site (/en/…): English mails, links to the English pages."""
    assert 'href="/en/alertes/?region=53"' in client.get("/en/programmes/?region=53").content.decode()
    subscribe(client, "region=53", prefix="/en")
    [confirmation] = mailoutbox
    assert "/en/alertes/confirmer/" in confirmation_link(confirmation)
    assert "https://annuaire.example.org/en/programmes/?region=53" in confirmation.body
    assert client.post(confirmation_link(confirmation)).status_code == 200
    assert Subscription.objects.get().language == "en"
    mailoutbox.clear()
    ProgrammeFactory(title="Appel breton", territories=[tree["bretagne"]], deadline=date(2031, 12, 1))
    call_command("send_alerts")
    [digest] = mailoutbox
    assert "Appel breton" in digest.body and "1 December 2031" in digest.body  # Django's own English
    assert "/en/programmes/appel-breton/" in digest.body and "/en/alertes/desinscription/" in digest.body
    assert "/en/alertes/desinscription/" in digest.extra_headers["List-Unsubscribe"]


def test_a_second_request_before_confirming_sends_the_link_again_and_a_confirmed_one_nothing(client, tree, mailoutbox):
    subscribe(client, "region=53", frequency="daily")
    subscribe(client, "region=53", frequency="weekly")
    assert len(mailoutbox) == 2 and Subscription.objects.get().frequency == "weekly"
    client.post(confirmation_link(mailoutbox[-1]))
    response = subscribe(client, "region=53", frequency="daily")
    assert response.status_code == 200 and len(mailoutbox) == 2  # same answer, no mail
    assert Subscription.objects.get().frequency == "weekly"


def test_the_stored_search_drops_page_sort_and_empty_values(client, tree, mailoutbox):
    subscribe(client, "sort=title&page=2&q=&region=53&kind=ami&kind=funding_call&utm_source=x")
    assert Subscription.objects.get().query == "region=53&kind=ami&kind=funding_call"
    links = links_in(mailoutbox[0].body)
    assert "/programmes/?region=53&kind=ami&kind=funding_call" in links


def test_unconfirmed_subscriptions_are_forgotten_after_a_week(client, tree, mailoutbox):
    subscribe(client, "region=53")
    subscribe(client, "region=84")
    Subscription.objects.filter(query="region=53").update(created_at=F("created_at") - timedelta(days=8))
    call_command("send_alerts")
    assert list(Subscription.objects.values_list("query", flat=True)) == ["region=84"]
