"""'Non vérifié depuis 12 mois': from the last verification, or from the creation when never verified."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.admin.freshness import freshness_conditions
from programmes.models import Programme
from programmes.status import today
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def entries(db):
    new = ProgrammeFactory(title="Nouveau", last_verified_on=None)
    old_never = ProgrammeFactory(title="Ancien jamais vérifié", last_verified_on=None)
    Programme.objects.filter(pk=old_never.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    ProgrammeFactory(title="Vérifié il y a 400 jours", last_verified_on=days_ago(400))
    ProgrammeFactory(title="Vérifié hier", last_verified_on=days_ago(1))
    old_recent = ProgrammeFactory(title="Ancien vérifié hier", last_verified_on=days_ago(1))
    Programme.objects.filter(pk=old_recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))
    return new


def test_a_new_entry_is_not_yet_stale(entries):
    stale = set(Programme.objects.filter(freshness_conditions()["unverified"]).values_list("title", flat=True))
    assert stale == {"Ancien jamais vérifié", "Vérifié il y a 400 jours"}


def test_the_filter_and_the_dashboard_agree(client, entries):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listed = client.get(reverse("admin:programmes_programme_changelist") + "?freshness=unverified").context["cl"].result_list
    assert {p.title for p in listed} == {"Ancien jamais vérifié", "Vérifié il y a 400 jours"}
    dashboard = client.get(reverse("admin:index")).content.decode()
    row = dashboard.split("?freshness=unverified", 1)[1].split("</tr>", 1)[0]
    assert "<td>2</td>" in row
