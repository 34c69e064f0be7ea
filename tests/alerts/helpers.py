"""Steps of the alert flow as a visitor takes them, for the tests."""
import re
from urllib.parse import urlsplit

from tests.alerts.conftest import SITE

LINK = re.compile(re.escape(SITE) + r"(/[^\s<>\"]+)")


def links_in(text):
    """The site's paths in a mail body, in order."""
    return [path for path in LINK.findall(text)]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def subscribe(client, query="", email="lea@example.org", frequency="daily", prefix="", **extra):
    return client.post(f"{prefix}/alertes/", {"email": email, "frequency": frequency, "query": query}, **extra)


def confirmation_link(mail):
    return next(path for path in links_in(mail.body) if "/confirmer/" in path)


def unsubscribe_link(mail):
    return next(path for path in links_in(mail.body) if "/desinscription/" in path)


def subscribe_and_confirm(client, mailoutbox, query="", email="lea@example.org", frequency="daily", prefix=""):
    response = subscribe(client, query, email=email, frequency=frequency, prefix=prefix)
    assert response.status_code == 200, response.content.decode()
    mail = mailoutbox.pop()
    assert mail.to == [email]
    response = client.post(confirmation_link(mail))
    assert response.status_code == 200, response.content.decode()
