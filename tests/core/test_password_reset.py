"""Admin accounts reset a forgotten password by e-mail, without revealing who has an account."""
import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from health_registry.settings import BASE_DIR
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "nouvelle phrase de passe solide"
RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


def request_reset(client, email, address="203.0.113.5"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def login(client, password, address="203.0.113.5"):
    return client.post("/admin/login/?next=/admin/", {"username": "editrice", "password": password}, REMOTE_ADDR=address)


def reset_link(mail):
    return re.search(r"https?://\S+/admin/reset/\S+/", mail.body).group(0)


@pytest.fixture
def editor(db, settings):
    settings.SITE_URL = "https://annuaire.example.fr"
    return UserFactory(username="editrice", email="editrice@example.org", is_staff=True)


def test_the_login_page_links_to_the_reset_form(client):
    page = client.get("/admin/login/").content.decode()
    assert f'href="{RESET}"' in page
    form = client.get(RESET)
    assert form.status_code == 200
    assert "Annuaire santé — espace éditeurs" in form.content.decode()
    assert "nav-sidebar" not in form.content.decode()  # the admin's menu, empty for a visitor


def test_reset_end_to_end(client, editor, mailoutbox):
    response = request_reset(client, "EDITRICE@example.org")
    assert response.status_code == 302 and response.url == DONE
    assert client.get(DONE).status_code == 200
    [mail] = mailoutbox
    assert mail.to == ["editrice@example.org"]
    link = reset_link(mail)
    # Built from SITE_URL, never from the request's Host header.
    assert link.startswith("https://annuaire.example.fr/admin/reset/")
    form_page = client.get(link.removeprefix("https://annuaire.example.fr"), follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and client.get(done.url).status_code == 200
    assert login(Client(), PASSWORD).status_code == 200  # the old password is gone
    assert login(Client(), NEW_PASSWORD).status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, editor, mailoutbox):
    UserFactory(username="visiteur", email="visiteur@example.org", is_staff=False)
    known = request_reset(client, "editrice@example.org")
    for email in ("personne@example.org", "visiteur@example.org"):
        unknown = request_reset(client, email)
        assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
    assert [mail.to for mail in mailoutbox] == [["editrice@example.org"]]


def test_a_flood_on_one_address_sends_few_mails(client, editor, mailoutbox, settings):
    answers = [request_reset(Client(), "editrice@example.org", address=f"198.51.100.{n}").status_code for n in range(10)]
    assert len(mailoutbox) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    assert answers[-1] == 429
    assert "Trop de demandes de réinitialisation" in request_reset(client, "editrice@example.org").content.decode()


def test_a_flood_from_one_client_is_cut_off(client, editor, mailoutbox, settings):
    limit = settings.PASSWORD_RESET_LIMIT_PER_IP
    answers = [request_reset(client, f"x{n}@example.org").status_code for n in range(limit)]
    assert answers == [302] * limit
    assert request_reset(client, "editrice@example.org").status_code == 429
    assert mailoutbox == []
    # Another client is not affected.
    assert request_reset(Client(), "editrice@example.org", address="192.0.2.8").status_code == 302
    assert len(mailoutbox) == 1


def test_a_reset_lifts_the_lockout_of_a_forgotten_password(client, editor, mailoutbox, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(), "wrong")
    locked = login(Client(), PASSWORD)
    assert locked.status_code == 429
    assert f'href="{RESET}"' in locked.content.decode()  # the lockout page points to the reset
    request_reset(client, "editrice@example.org")
    form_page = client.get(reset_link(mailoutbox[0]).removeprefix("https://annuaire.example.fr"), follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert login(Client(), NEW_PASSWORD).status_code == 302


def test_bad_input_is_a_client_error(client, editor, mailoutbox):
    assert request_reset(client, "pas-une-adresse").status_code == 400
    assert client.get("/admin/reset/MQ/invalid-token/").status_code == 400
    assert client.get("/admin/reset/%00%ff/set-password/").status_code == 400
    request_reset(client, "editrice@example.org")
    form_page = client.get(reset_link(mailoutbox[0]).removeprefix("https://annuaire.example.fr"), follow=True)
    weak = client.post(form_page.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 400


@pytest.mark.parametrize("extra, expected", [
    ({"DEBUG": "true"}, "django.core.mail.backends.console.EmailBackend localhost 25"),
    ({"DEBUG": "true", "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "smtp.example.fr",
      "EMAIL_PORT": "587"}, "django.core.mail.backends.smtp.EmailBackend smtp.example.fr 587"),
])
def test_mail_settings_come_from_the_environment(extra, expected):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")} | extra
    code = "from health_registry import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT)"
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == expected, result.stderr
