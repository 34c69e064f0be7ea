"""Failed admin logins are throttled and locked out; an administrator can lift the lock."""
import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def attempt(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "editrice", "password": password}, REMOTE_ADDR="10.0.0.9")


@pytest.fixture
def editor(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    return UserFactory(username="editrice", is_staff=True)


def test_lockout_after_repeated_failures(client, editor):
    for _ in range(2):
        assert attempt(client, "wrong").status_code == 200
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Compte temporairement bloqué" in locked.content.decode()
    # Even the right password is refused while locked.
    assert attempt(client, PASSWORD).status_code == 429


def test_administrator_can_lift_the_lockout(client, editor):
    for _ in range(3):
        attempt(client, "wrong")
    assert AccessAttempt.objects.filter(username="editrice").exists()
    call_command("axes_reset_username", "editrice")
    response = attempt(client, PASSWORD)
    assert response.status_code == 302


def test_lockouts_are_listed_for_administrators(admin_client, editor):
    for _ in range(3):
        attempt(admin_client.__class__(), "wrong")
    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    assert "editrice" in page.content.decode()


@pytest.mark.parametrize("password", ["12345678", "password", "court"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
