"""Once against a real SMTP server: aiosmtpd in this process's thread, on 127.0.0.1 and a free
port. The confirmation and the digest cross the wire, headers and all; a recipient the server
refuses (550) fails that digest only, and the command exits non-zero."""
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.core.management.base import CommandError

from alerts.models import Subscription
from tests.alerts.helpers import LINK, subscribe
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", controller.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


def body_of(message, subtype="plain"):
    return message.get_body(preferencelist=(subtype,)).get_content()


def test_the_alert_over_real_smtp(client, tree, smtp_server):
    assert subscribe(client, "region=53", email="lea@example.org").status_code == 200
    refused = subscribe(client, "region=53", email="refused@example.org")
    assert refused.status_code == 400 and "refuse cette adresse" in refused.content.decode()
    assert not Subscription.objects.filter(email="refused@example.org").exists()
    [(recipients, confirmation)] = smtp_server.messages
    assert recipients == ["lea@example.org"] and confirmation["From"] == "Annuaire santé <annuaire@example.org>"
    confirm_path = next(p for p in LINK.findall(body_of(confirmation)) if "/confirmer/" in p)
    assert client.post(confirm_path).status_code == 200
    # An address the server took once and refuses now (a mailbox closed since).
    lea = Subscription.objects.get(email="lea@example.org")
    Subscription.objects.create(email="refused@example.org", query=lea.query, frequency="daily", language="fr",
                                confirmed_at=lea.confirmed_at)

    ProgrammeFactory(title="Appel à projets e-santé Bretagne", territories=[tree["bretagne"]])
    with pytest.raises(CommandError, match="1 digest"):
        call_command("send_alerts")
    [(recipients, digest)] = smtp_server.messages[1:]
    assert recipients == ["lea@example.org"]
    assert "Appel à projets e-santé Bretagne" in body_of(digest)
    assert "Appel à projets e-santé Bretagne" in body_of(digest, "html")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = digest["List-Unsubscribe"].strip().strip("<>")  # a long header is folded
    assert unsubscribe_url.startswith("https://annuaire.example.org/alertes/desinscription/")
    sent = dict(Subscription.objects.values_list("email", "last_sent_at"))
    assert sent["lea@example.org"] is not None and sent["refused@example.org"] is None

    # The one-click POST a mail client sends: the subscription is gone.
    path = unsubscribe_url.removeprefix("https://annuaire.example.org")
    assert client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code == 200
    assert not Subscription.objects.filter(email="lea@example.org").exists()
