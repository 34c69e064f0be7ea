"""CSV import: round trip with the export, all-or-nothing validation, scope, duplicates."""
import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.models import Actor
from core.imports import PlanHasProblems
from programmes.demo import load_demo_data
from programmes.imports import PROGRAMMES
from programmes.models import Audience, FundedProject, Programme, ProgrammeActor, Theme
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def export(client, dialect=""):
    response = client.get("/programmes/export.csv" + (f"?dialect={dialect}" if dialect else ""))
    return b"".join(response.streaming_content)


def empty_directory():
    """Everything but the reference geography."""
    FundedProject.objects.all().delete()
    ProgrammeActor.objects.all().delete()
    Programme.objects.all().delete()
    Actor.objects.all().delete()
    Theme.objects.all().delete()
    Audience.objects.all().delete()


@pytest.mark.parametrize("dialect", ["", "excel-fr"])
def test_round_trip_on_demo_data_is_byte_identical(client, tmp_path, dialect):
    load_demo_data()
    original = export(client, dialect)
    actors = b"".join(client.get("/acteurs/export.csv").streaming_content)
    empty_directory()
    assert Programme.objects.count() == 0
    # Organisations first: one the programme import creates on the fly is a draft, and the
    # export names published organisations only.
    (tmp_path / "actors.csv").write_bytes(actors)
    call_command("import_actors", str(tmp_path / "actors.csv"), stdout=io.StringIO())
    path = tmp_path / "export.csv"
    path.write_bytes(original)
    call_command("import_programmes", str(path), stdout=io.StringIO())
    assert export(client, dialect) == original


def rows_of(data):
    text = data.decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def to_bytes(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def two_rows(client, geography):
    ProgrammeFactory(title="Premier", slug="premier")
    ProgrammeFactory(title="Second", slug="second")
    rows = rows_of(export(client))
    Programme.objects.all().delete()
    return rows


def edit(rows, line, column, value):
    rows = [list(r) for r in rows]
    rows[line - 1][rows[0].index(column)] = value
    return rows


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("territory_codes", "region:99", "territoire inconnu « region:99 »"),
        ("deadline", "31/02/2024", "date invalide"),
        ("opens_on", "demain", "date invalide"),
        ("total_budget_eur", "-5", "ne peut pas être négatif"),
        ("amount_min_eur", "beaucoup", "montant invalide"),
        ("kind", "loterie", "type inconnu « loterie »"),
        ("title", "", "le titre est obligatoire"),
        ("recurrence", "parfois", "récurrence inconnue"),
        ("actor_roles", "chef:qui", "rôle invalide"),
        ("website", "pas-une-url", "URL"),
    ],
)
def test_any_invalid_row_rejects_the_whole_file(two_rows, column, value, message):
    data = to_bytes(edit(two_rows, 3, column, value))
    plan = PROGRAMMES.plan(data)
    assert not plan.ok
    assert any(p.line == 3 and p.column == column and message in p.message for p in plan.problems), [str(p) for p in plan.problems]
    with pytest.raises(PlanHasProblems):
        PROGRAMMES.apply(plan)
    assert Programme.objects.count() == 0


def test_every_problem_is_listed_at_once(two_rows):
    rows = edit(edit(two_rows, 2, "kind", "x"), 3, "deadline", "hier")
    problems = PROGRAMMES.plan(to_bytes(rows)).problems
    assert [(p.line, p.column) for p in problems] == [(2, "kind"), (3, "deadline")]
    assert str(problems[0]).startswith("ligne 2, kind :")


def test_broken_encoding_is_refused(two_rows):
    data = to_bytes(two_rows).replace(b"Second", b"Seco\xffnd")
    plan = PROGRAMMES.plan(data)
    assert not plan.ok and "UTF-8" in plan.problems[0].message and plan.problems[0].line == 3


def test_wrong_columns_are_refused(two_rows):
    rows = [list(r) for r in two_rows]
    rows[0][1] = "titre"
    plan = PROGRAMMES.plan(to_bytes(rows))
    assert not plan.ok
    assert "colonnes manquantes : title" in plan.problems[0].message
    assert "colonnes inconnues : titre" in plan.problems[0].message


def test_row_with_missing_cells_is_refused(two_rows):
    rows = [list(r) for r in two_rows]
    rows[2] = rows[2][:5]
    assert "colonnes au lieu de" in PROGRAMMES.plan(to_bytes(rows)).problems[0].message


def test_empty_file_is_refused():
    assert "vide" in PROGRAMMES.plan(b"").problems[0].message


def test_dry_run_writes_nothing(two_rows, tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(to_bytes(two_rows))
    out = io.StringIO()
    call_command("import_programmes", str(path), "--dry-run", stdout=out)
    assert "2 to create" in out.getvalue()
    assert Programme.objects.count() == 0


def test_command_reports_problems_and_fails(two_rows, tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(to_bytes(edit(two_rows, 2, "kind", "x")))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_programmes", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_rows_update_by_slug_or_source_url(two_rows):
    existing = ProgrammeFactory(title="Ancien", slug="ancien", website="https://source.example/appel")
    rows = edit(two_rows, 2, "slug", "premier")
    rows = edit(rows, 3, "slug", "")
    rows = edit(rows, 3, "website", "https://source.example/appel")
    plan = PROGRAMMES.plan(to_bytes(rows))
    assert plan.ok, [str(p) for p in plan.problems]
    assert plan.rows[1].existing == existing
    PROGRAMMES.apply(plan)
    existing.refresh_from_db()
    assert existing.title == "Second"
    assert Programme.objects.filter(slug="premier").exists()


def test_possible_duplicates_are_flagged(two_rows):
    from tests.factories import ActorFactory, ProgrammeActorFactory

    operator = ActorFactory(slug="porteur")
    ProgrammeActorFactory(programme=ProgrammeFactory(title="Premier", slug="deja-la"), actor=operator)
    ProgrammeFactory(title="Autre", slug="autre", website="https://source.example/x")
    rows = edit(two_rows, 2, "actor_roles", "runs:porteur")
    rows = edit(rows, 2, "actors", "Porteur (Porte / opère)")
    rows = edit(rows, 3, "website", "https://source.example/x")
    plan = PROGRAMMES.plan(to_bytes(rows))
    messages = [str(w) for w in plan.warnings]
    assert any("ligne 2" in m and "doublon possible de « deja-la » (même titre, même porteur)" in m for m in messages), messages
    assert any("ligne 3" in m and "même URL source que « autre »" in m for m in messages), messages


def test_same_source_url_twice_in_the_file_is_flagged(two_rows):
    rows = edit(edit(two_rows, 2, "website", "https://a.example/"), 3, "website", "https://a.example/")
    assert any("doublon possible de la ligne 2" in str(w) for w in PROGRAMMES.plan(to_bytes(rows)).warnings)


def test_repeated_slug_in_file_is_refused(two_rows):
    rows = edit(two_rows, 3, "slug", "premier")
    assert any("figure déjà ligne 2" in p.message for p in PROGRAMMES.plan(to_bytes(rows)).problems)


def test_import_is_recorded_in_history_with_progress(two_rows):
    calls = []
    plan = PROGRAMMES.plan(to_bytes(two_rows))
    PROGRAMMES.apply(plan, progress=lambda done, total: calls.append((done, total)))
    programme = Programme.objects.get(slug="premier")
    assert programme.history.first().history_change_reason == "Import CSV"
    assert calls == [(2, 2)]
    assert programme.publication_state == "draft"


def test_formula_guard_is_undone_on_import(two_rows):
    rows = edit(two_rows, 2, "summary", "'=SOMME(A1)")
    PROGRAMMES.apply(PROGRAMMES.plan(to_bytes(rows)))
    assert Programme.objects.get(slug="premier").summary == "=SOMME(A1)"


@pytest.fixture
def admin_client_(client):
    from tests.factories import staff_user

    client.force_login(staff_user(is_superuser=True))
    return client


def test_admin_upload_of_a_bad_file_lists_problems_and_writes_nothing(admin_client_, two_rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    data = to_bytes(edit(two_rows, 3, "territory_codes", "region:99"))
    response = admin_client_.post(reverse("admin:programmes_programme_import"),
                                  {"action": "preview", "file": SimpleUploadedFile("f.csv", data)})
    assert response.status_code == 400
    assert "ligne 3, territory_codes : territoire inconnu" in response.content.decode()
    assert "Confirmer" not in response.content.decode()
    assert Programme.objects.count() == 0


def test_admin_upload_without_file_or_with_stale_token_is_refused(admin_client_, db):
    from django.urls import reverse

    url = reverse("admin:programmes_programme_import")
    assert admin_client_.get(url).status_code == 200
    assert admin_client_.post(url, {"action": "preview"}).status_code == 400
    assert admin_client_.post(url, {"action": "confirm", "token": "forged"}).status_code == 400


def test_admin_preview_then_confirm_publishes_when_asked(admin_client_, two_rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    url = reverse("admin:programmes_programme_import")
    preview = admin_client_.post(url, {"action": "preview", "file": SimpleUploadedFile("f.csv", to_bytes(two_rows))})
    assert preview.status_code == 200 and Programme.objects.count() == 0
    confirm = admin_client_.post(url, {"action": "confirm", "token": preview.context["token"], "publish": "on"})
    assert confirm.status_code == 303
    assert "Import terminé : 2 créés, 0 mis à jour." in admin_client_.get(confirm["Location"]).content.decode()
    assert set(Programme.objects.values_list("publication_state", flat=True)) == {"published"}
