"""Every change is recorded with its author and can be restored."""
import pytest
from django.urls import reverse

from programmes.models import Programme
from tests.factories import ProgrammeActorFactory, ProgrammeFactory, admin_change_data, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = staff_user(is_superuser=True)
    client.force_login(user)
    client.user = user
    return client


def test_one_admin_edit_writes_one_history_record(admin_client):
    programme = ProgrammeFactory(title="Avant", summary="Résumé")
    ProgrammeActorFactory(programme=programme)
    before = programme.history.count()
    response = admin_client.post(
        reverse("admin:programmes_programme_change", args=[programme.pk]),
        admin_change_data(programme, title="Après", summary="Nouveau résumé"),
    )
    assert response.status_code == 302
    assert programme.history.count() == before + 1
    latest = programme.history.first()
    assert latest.history_user == admin_client.user
    changed = {change.field for change in latest.diff_against(latest.prev_record).changes}
    assert changed == {"title", "summary"}


def test_restore_an_earlier_version(admin_client):
    programme = ProgrammeFactory(title="Version 1")
    programme.title = "Version 2"
    programme.save()
    first = programme.history.earliest()
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, first.history_id])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, admin_change_data(Programme.objects.get(pk=programme.pk), title="Version 1"))
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Version 1"


def test_history_page_lists_changes(admin_client):
    programme = ProgrammeFactory(title="Historique")
    programme.title = "Historique modifié"
    programme.save()
    response = admin_client.get(reverse("admin:programmes_programme_history", args=[programme.pk]))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 2


def test_role_changes_are_recorded(db):
    role = ProgrammeActorFactory()
    role.role = "funds"
    role.save()
    assert role.history.count() == 2


def test_an_edit_changing_territories_and_themes_is_still_one_record(admin_client, tree):
    from tests.factories import ThemeFactory

    programme = ProgrammeFactory(title="Avant", territories=[tree["bretagne"]])
    ProgrammeActorFactory(programme=programme)
    theme = ThemeFactory()
    before = programme.history.count()
    data = admin_change_data(programme, title="Après", territories=[tree["ara"].pk, tree["fr"].pk], themes=[theme.pk])
    assert admin_client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), data).status_code == 302
    assert programme.history.count() == before + 1
    latest = programme.history.first()
    assert latest.history_user == admin_client.user
    assert {t.territory_id for t in latest.territories.all()} == {tree["ara"].pk, tree["fr"].pk}
    changed = {change.field for change in latest.diff_against(latest.prev_record).changes}
    assert changed == {"title", "territories", "themes"}


def test_adding_a_programme_in_the_admin_writes_one_creation_record(admin_client, tree):
    data = {"title": "Nouveau", "slug": "nouveau", "kind": "ami", "recurrence": "one_off", "publication_state": "draft",
            "territories": [tree["fr"].pk], "roles-TOTAL_FORMS": "0", "roles-INITIAL_FORMS": "0",
            "funded_projects-TOTAL_FORMS": "0", "funded_projects-INITIAL_FORMS": "0"}
    assert admin_client.post(reverse("admin:programmes_programme_add"), data).status_code == 302
    programme = Programme.objects.get(slug="nouveau")
    assert [(r.history_type, r.history_user) for r in programme.history.all()] == [("+", admin_client.user)]


def test_an_import_row_writes_one_record(db, geography):
    import csv
    import io

    from programmes.exports import PROGRAMME_COLUMNS
    from programmes.imports import PROGRAMMES

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, PROGRAMME_COLUMNS)
    writer.writeheader()
    writer.writerow({"slug": "importe", "title": "Importé", "kind": "ami", "territory_codes": "region:53 | country:FR"})
    PROGRAMMES.apply(PROGRAMMES.plan(buffer.getvalue().encode()))
    assert Programme.objects.get(slug="importe").history.count() == 1


def test_role_history_is_readable_by_reviewers_only(client, admin_client):
    from editorial.roles import EDITORS, REVIEWERS

    role = ProgrammeActorFactory()
    role.delete()
    url = reverse("admin:programmes_historicalprogrammeactor_changelist")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert [r.history_type for r in response.context["cl"].result_list] == ["-", "+"]
    client.force_login(staff_user(REVIEWERS))
    assert client.get(url).status_code == 200
    client.force_login(staff_user(EDITORS))
    assert client.get(url).status_code == 403
