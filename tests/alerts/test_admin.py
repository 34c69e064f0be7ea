"""Subscriptions in the admin: administrators only, addresses masked, nothing to add or edit."""
import pytest

from alerts.admin import masked
from alerts.models import Subscription
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(db):
    return Subscription.objects.create(email="jeanne.martin@example.org", query="region=53", frequency="daily", language="fr")


def test_masked():
    assert masked("jeanne.martin@example.org") == "j***@example.org"
    assert masked("weird") == "w***@"


def test_administrators_see_masked_addresses(client, subscription):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = client.get("/admin/alerts/subscription/")
    assert listing.status_code == 200
    page = client.get(f"/admin/alerts/subscription/{subscription.pk}/change/")
    assert page.status_code == 200
    for response in (listing, page):
        text = response.content.decode()
        assert "j***@example.org" in text and "jeanne.martin" not in text
    assert client.get("/admin/alerts/subscription/add/").status_code == 403


@pytest.mark.parametrize("group", ["Éditeurs", "Relecteurs"])
def test_editors_and_reviewers_do_not_see_subscriptions(client, subscription, group):
    client.force_login(staff_user(group))
    assert client.get("/admin/alerts/subscription/").status_code == 403
    assert "alerts" not in client.get("/admin/").content.decode()
