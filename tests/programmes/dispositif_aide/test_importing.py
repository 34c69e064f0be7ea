"""Importing files in Etalab's schema-dispositif-aide (JSON and CSV) through the programme import:
export → import gives the same programmes; Etalab's own notation is read; every problem is
reported on the schema's field and nothing is written; admin preview/confirm and the command."""
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from actors.models import Actor
from editorial.roles import EDITORS, REVIEWERS
from programmes.dispositif_aide.importing import DISPOSITIFS
from programmes.models import FundedProject, Programme
from territories.models import Territory
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db


def export(client, kind="json", params=""):
    """Every published programme, the closed ones too (the listing's default leaves them out)."""
    return b"".join(client.get(f"/programmes/export-dispositifs.{kind}?closed=include&{params}").streaming_content)


def comparable(data):
    """The records without their update time (a re-import is a new write), by id (rows that tie
    in the listing's order come in creation order)."""
    items = [{k: v for k, v in item.items() if k != "date_mise_a_jour"} for item in json.loads(data)]
    return sorted(items, key=lambda item: item["id"])


def forget_programmes():
    FundedProject.objects.all().delete()
    Programme.objects.update(parent=None)
    Programme.objects.all().delete()


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_gives_the_same_programmes(client, demo, kind):
    before = export(client)
    data = export(client, kind)
    uids = set(Programme.objects.values_list("uid", flat=True))
    forget_programmes()
    plan = DISPOSITIFS.plan(data)
    assert plan.ok, [str(p) for p in plan.problems]
    assert plan.created == len(uids)
    DISPOSITIFS.apply(plan, publish=True)
    assert set(Programme.objects.values_list("uid", flat=True)) == uids
    after = comparable(export(client))
    for old, new in zip(comparable(before), after):
        assert new == old, {k: (old[k], new[k]) for k in old if old[k] != new[k]}
    assert len(after) == len(uids)
    assert Programme.objects.get(slug="concours-i-nov").parent.slug == "france-2030"


def test_reimporting_its_own_export_changes_nothing(client, demo):
    history = Programme.history.count()
    for kind in ("json", "csv"):
        plan = DISPOSITIFS.plan(export(client, kind))
        assert plan.ok and (plan.created, plan.updated, plan.unchanged) == (0, 0, Programme.objects.count())
        DISPOSITIFS.apply(plan)
    assert Programme.history.count() == history


def test_an_update_keeps_what_the_schema_cannot_say(client, demo):
    europe = Territory.objects.get(kind="continent", insee_code="EU")
    programme = Programme.objects.get(slug="concours-i-nov")
    programme.territories.set([europe])
    themes = set(programme.themes.values_list("slug", flat=True))
    items = json.loads(export(client, params="q=i-nov"))
    item = next(i for i in items if i["titre"] == "Concours i-Nov")
    item["titre"] = "Concours i-Nov (vague 12)"
    plan = DISPOSITIFS.plan(json.dumps([item]).encode())
    assert plan.ok and plan.updated == 1
    DISPOSITIFS.apply(plan)
    programme = Programme.objects.get(pk=programme.pk)
    assert programme.title == "Concours i-Nov (vague 12)"
    assert programme.kind == "competition"  # "financement" is also what a competition exports
    assert list(programme.territories.all()) == [europe]  # PAYS-99100, as Europe exports
    assert set(programme.themes.values_list("slug", flat=True)) == themes


ETALAB_CSV = (
    "id,titre,promesse,description,eligibilite,types_aides,porteurs,programmes_parents,url_source,cibles,"
    "eligibilite_geographique,eligibilite_geographique_exclusions,date_ouverture,date_cloture,date_mise_a_jour\r\n"
    "65d5b6c7-102c-4440-ac3b-768f708edc0a,Accélérateur décarbonation,Développez votre stratégie bas carbone,"
    "Un accompagnement de 12 mois.,\"• Être une PME\n• Avoir un site industriel\",information|financement,"
    "\"[{ nom: 'ADEME', siren: '385290309', roles: [ 'instructeur' ]}, { nom: 'BPIFRANCE (BPIFRANCE)', siren: '320252489', roles: [ 'financeur' ]}]\","
    "Fonds Chaleur|Fonds vert 2024,https://example.org/acceleration,professionnels|associations,"
    "REG-84|DEP-01,REG-84|DEP-01|COM-83141,2025-10-15T15:00:00Z,2026-03-31T23:00:00Z,2025-10-15T15:00:00Z\r\n"
)


@pytest.fixture
def operators(db):
    return (ActorFactory(name="Agence de la transition écologique", acronym="ADEME", siren="385290309"),
            ActorFactory(name="Bpifrance", siren="320252489"))


def test_etalab_notation_is_read(operators):
    plan = DISPOSITIFS.plan(ETALAB_CSV.encode())
    assert plan.ok, [str(p) for p in plan.problems]
    warnings = " ".join(str(w) for w in plan.warnings)
    assert "eligibilite_geographique_exclusions" in warnings and "Fonds Chaleur" in warnings
    DISPOSITIFS.apply(plan, publish=True)
    programme = Programme.objects.get(title="Accélérateur décarbonation")
    assert str(programme.uid) == "65d5b6c7-102c-4440-ac3b-768f708edc0a"
    assert programme.kind == "grant" and programme.summary == "Développez votre stratégie bas carbone"
    assert str(programme.opens_on) == "2025-10-15" and str(programme.deadline) == "2026-04-01"  # Paris days
    assert {t.code for t in programme.territories.all()} == {"region:84", "department:01"}
    assert set(programme.roles.values_list("actor__siren", "role")) == {("385290309", "runs"), ("320252489", "funds")}
    assert set(programme.audiences.values_list("slug", flat=True)) == {"startups-pme", "eti", "professionnels-sante", "associations"}
    assert Actor.objects.count() == 2  # matched by SIREN, none created


def test_the_parent_is_found_by_title_in_the_file_or_the_directory(operators):
    strategy = ProgrammeFactory(title="Fonds vert 2024")
    plan = DISPOSITIFS.plan(ETALAB_CSV.replace("Fonds Chaleur|Fonds vert 2024", "Fonds vert 2024").encode())
    assert plan.ok
    DISPOSITIFS.apply(plan)
    assert Programme.objects.get(title="Accélérateur décarbonation").parent == strategy


@pytest.mark.parametrize("change, field", [
    (("65d5b6c7-102c-4440-ac3b-768f708edc0a", "pas-un-uuid"), "id"),
    (("REG-84|DEP-01,REG", "REG-99|DEP-01,REG"), "eligibilite_geographique"),
    (("roles: [ 'financeur' ]", "roles: [ 'chef' ]"), "porteurs"),
    (("[{ nom:", "[{{ nom:"), "porteurs"),
    (("2025-10-15T15:00:00Z,2026", "15 octobre,2026"), "date_ouverture"),
    (("professionnels|associations", "entreprises"), "cibles"),
    (("Accélérateur décarbonation,", ","), "titre"),
])
def test_problems_name_the_schema_field_and_nothing_is_written(operators, change, field):
    plan = DISPOSITIFS.plan(ETALAB_CSV.replace(*change).encode())
    assert not plan.ok
    assert any(p.column == field and p.line == 2 for p in plan.problems), [str(p) for p in plan.problems]
    assert not Programme.objects.exists()


@pytest.mark.parametrize("data, message", [
    (b"[1, 2]", "liste d'objets"), (b"{not json", "JSON illisible"), (b"[]", "vide"),
    (b"id,titre\r\nx,y\r\n", "colonnes obligatoires"), (b"\xff\xfe", "UTF-8"),
])
def test_unreadable_files_are_refused_with_a_message(data, message):
    plan = DISPOSITIFS.plan(data)
    assert not plan.ok and message in str(plan.problems[0])


def test_a_repeated_id_is_refused(operators):
    record = ETALAB_CSV.split("\r\n")[1]
    plan = DISPOSITIFS.plan((ETALAB_CSV + record.replace("Accélérateur décarbonation", "Autre") + "\r\n").encode())
    assert any(p.column == "id" and p.line == 3 for p in plan.problems), [str(p) for p in plan.problems]


def test_an_editor_cannot_update_another_organisations_programme_by_its_id(client):
    org_a, org_b = ActorFactory(name="A"), ActorFactory(name="B")
    theirs = ProgrammeFactory(title="Programme B")
    ProgrammeActorFactory(programme=theirs, actor=org_b)
    item = json.loads(export(client))[0]
    item["porteurs"] = [{"nom": "A", "siren": None, "roles": ["instructeur"]}]
    plan = DISPOSITIFS.plan(json.dumps([item]).encode(), user=staff_user(EDITORS, [org_a]))
    assert not plan.ok
    assert any("autre organisation" in p.message for p in plan.problems), [str(p) for p in plan.problems]


def test_the_command_checks_then_imports(tmp_path, operators):
    path = tmp_path / "dispositifs.csv"
    path.write_text(ETALAB_CSV, encoding="utf-8")
    out = io.StringIO()
    call_command("import_dispositifs", str(path), "--dry-run", stdout=out)
    assert "1 to create" in out.getvalue() and not Programme.objects.exists()
    call_command("import_dispositifs", str(path), stdout=io.StringIO())
    assert Programme.objects.get().publication_state == "published"
    path.write_text(ETALAB_CSV.replace("REG-84", "REG-99"), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_dispositifs", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_the_admin_previews_then_imports(client, operators):
    client.force_login(staff_user(REVIEWERS))
    changelist = client.get(reverse("admin:programmes_programme_changelist")).content.decode()
    url = reverse("admin:programmes_programme_import_dispositifs")
    assert url in changelist
    upload = SimpleUploadedFile("dispositifs.csv", ETALAB_CSV.encode())
    response = client.post(url, {"action": "preview", "file": upload})
    assert response.status_code == 200 and response.context["plan"].ok
    assert "Accélérateur décarbonation" in response.content.decode()
    response = client.post(url, {"action": "confirm", "token": response.context["token"], "publish": "on"})
    assert response.status_code == 303
    assert response["Location"].startswith(url)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert Programme.objects.get().title == "Accélérateur décarbonation"


def test_the_admin_shows_problems_with_a_400(client, operators):
    client.force_login(staff_user(REVIEWERS))
    url = reverse("admin:programmes_programme_import_dispositifs")
    upload = SimpleUploadedFile("dispositifs.json", b"[{\"id\": \"x\"}]")
    response = client.post(url, {"action": "preview", "file": upload})
    assert response.status_code == 400
    assert "identifiant invalide" in response.content.decode()


def test_unknown_porteurs_are_refused_unless_created_on_request(tmp_path):
    path = tmp_path / "dispositifs.csv"
    path.write_text(ETALAB_CSV, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_dispositifs", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Actor.objects.exists()
    call_command("import_dispositifs", str(path), "--create-actors", stdout=io.StringIO())
    assert set(Actor.objects.values_list("name", "publication_state")) == {("ADEME", "published"), ("BPIFRANCE (BPIFRANCE)", "published")}
    assert Programme.objects.get().roles.count() == 2
