"""Actor CSV import: command and admin page, same preview / all-or-nothing / scope rules as programmes."""
import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from actors.exports import ACTOR_COLUMNS
from actors.imports import ACTORS
from actors.models import Actor
from editorial.models import PublicationState, Upload
from editorial.roles import EDITORS, REVIEWERS
from tests.factories import ActorFactory, staff_user

# The seats below are reference territories: `migrate` loads them, but a module that flushes the
# database (tests/test_hostile_input.py's demo data) removes them for every test run after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


def csv_bytes(*rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACTOR_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in ACTOR_COLUMNS})
    return buffer.getvalue().encode()


CHU = {"slug": "chu-test", "name": "CHU Test", "kind": "hospital", "seat_code": "department:35", "siren": "263 500 076",
       "description": "Hôpital", "source": "Texte 000"}


def test_command_creates_published_actors_with_every_column(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_bytes(CHU))
    call_command("import_actors", str(path), stdout=io.StringIO())
    actor = Actor.objects.get(slug="chu-test")
    assert (actor.kind, actor.seat.code, actor.siren, actor.source, actor.is_public) == (
        "hospital", "department:35", "263500076", "Texte 000", True)
    assert actor in Actor.objects.search("hopital")


def test_one_bad_row_writes_nothing(tmp_path):
    bad = {**CHU, "slug": "autre", "siren": "123456789", "seat_code": "region:99", "kind": "nope"}
    plan = ACTORS.plan(csv_bytes(CHU, bad))
    assert not plan.ok
    assert {p.column for p in plan.problems} == {"siren", "seat_code", "kind"}
    assert all(p.line == 3 for p in plan.problems)
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_bytes(CHU, bad))
    with pytest.raises(CommandError):
        call_command("import_actors", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Actor.objects.filter(slug="chu-test").exists()


def test_reimporting_the_same_file_changes_nothing():
    ACTORS.apply(ACTORS.plan(csv_bytes(CHU)), publish=True)
    history = Actor.history.count()
    stamp = Actor.objects.get(slug="chu-test").updated_at
    ACTORS.apply(ACTORS.plan(csv_bytes(CHU)), publish=True)
    assert Actor.history.count() == history and Actor.objects.get(slug="chu-test").updated_at == stamp


def test_editors_update_only_their_organisations_and_create_none():
    # A draft: an editor's import may not change a published entry without review (editorial.revisions).
    own, other = ActorFactory(slug="own", name="Own", publication_state=PublicationState.DRAFT), ActorFactory(slug="other", name="Other")
    editor = staff_user(EDITORS, organisations=[own])
    plan = ACTORS.plan(csv_bytes({**CHU, "slug": "own", "name": "Own renamed"}), user=editor)
    assert plan.ok and plan.updated == 1
    refused = ACTORS.plan(csv_bytes({**CHU, "slug": "other"}, {**CHU, "slug": "brand-new"}), user=editor)
    assert [p.line for p in refused.problems] == [2, 3]
    assert ACTORS.plan(csv_bytes({**CHU, "slug": "brand-new"}), user=staff_user(REVIEWERS)).ok
    assert other.name == "Other"


def test_admin_upload_is_stored_then_confirmed(client):
    reviewer = staff_user(REVIEWERS)
    client.force_login(reviewer)
    url = reverse("admin:actors_actor_import")
    preview = client.post(url, {"action": "preview", "file": SimpleUploadedFile("a.csv", csv_bytes(CHU))})
    assert preview.status_code == 200 and not Actor.objects.filter(slug="chu-test").exists()
    token = preview.context["token"]
    assert Upload.objects.filter(token=token, uploaded_by=reviewer).exists()
    assert "actors" not in "".join(client.session.keys())  # the file is not kept in the session
    other = staff_user(REVIEWERS)
    client.force_login(other)
    assert client.post(url, {"action": "confirm", "token": token}).status_code == 400  # another account's upload
    client.force_login(reviewer)
    confirm = client.post(url, {"action": "confirm", "token": token, "publish": "on"})
    assert confirm.status_code == 303
    assert "Import terminé : 1 créés, 0 mis à jour." in client.get(confirm["Location"]).content.decode()
    assert Actor.objects.get(slug="chu-test").is_public
    assert Upload.objects.get(token=token).data == b""  # the job is kept, not its file
    assert client.post(url, {"action": "confirm", "token": token}).status_code == 400  # used once


def test_editors_without_add_permission_still_import_updates(client):
    own = ActorFactory(slug="own", name="Own", publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[own])
    client.force_login(editor)
    url = reverse("admin:actors_actor_import")
    preview = client.post(url, {"action": "preview", "file": SimpleUploadedFile("a.csv", csv_bytes({**CHU, "slug": "own"}))})
    assert preview.status_code == 200 and preview.context["plan"].updated == 1
    creating = client.post(url, {"action": "preview", "file": SimpleUploadedFile("a.csv", csv_bytes(CHU))})
    assert creating.status_code == 400 and "seul un relecteur" in creating.content.decode()


def test_seat_codes_take_every_documented_form():
    plan = ACTORS.plan(csv_bytes({**CHU, "seat_code": "DEP-35"}, {**CHU, "slug": "autre", "name": "Autre", "siren": "", "seat_code": "REG-94"}))
    assert plan.ok, [str(p) for p in plan.problems]
    assert [row.values["seat"].code for row in plan.rows] == ["department:35", "region:94"]
    refused = ACTORS.plan(csv_bytes({**CHU, "seat_code": "Bretagne"}))
    assert "REG-53" in refused.problems[0].message


def test_nul_characters_repeated_columns_and_bom_files(tmp_path):
    nul = ACTORS.plan(csv_bytes({**CHU, "description": "a\x00b"}))
    assert [(p.line, p.column) for p in nul.problems] == [(2, "description")]
    path = tmp_path / "actors.csv"
    path.write_bytes(csv_bytes({**CHU, "name": "\x00"}))
    with pytest.raises(CommandError):
        call_command("import_actors", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    repeated = ACTORS.plan((",".join([*ACTOR_COLUMNS, "name"]) + "\r\n").encode())
    assert "colonnes en double : name" in repeated.problems[0].message
    assert ACTORS.plan("\ufeff".encode() + csv_bytes(CHU)).ok


def test_an_editor_is_not_told_that_another_organisations_draft_exists():
    own = ActorFactory(slug="own", name="Own", publication_state=PublicationState.DRAFT)
    ActorFactory(slug="hidden", name="Hidden", publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[own])
    hidden = ACTORS.plan(csv_bytes({**CHU, "slug": "hidden"}), user=editor)
    absent = ACTORS.plan(csv_bytes({**CHU, "slug": "absent"}), user=editor)
    assert [p.message for p in hidden.problems] == [p.message.replace("absent", "hidden") for p in absent.problems]
    assert "n'existe pas" in hidden.problems[0].message
