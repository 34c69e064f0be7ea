"""Imports speak COG: a schema-dispositif-aide file naming overseas collectivities (COM-987,
COM-975) and communes imports; an unknown code is named with the closest known territory; the
valid rows only are imported when asked (`--skip-invalid`), the refused ones written back as CSV."""
import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from programmes.dispositif_aide.importing import DISPOSITIFS
from programmes.models import Programme
from territories.models import Territory
from tests.factories import TerritoryFactory
from tests.programmes.dispositif_aide.test_importing import ETALAB_CSV, operators  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography", "operators")]
HEADER, ROW = ETALAB_CSV.split("\r\n", 1)
UID = "65d5b6c7-102c-4440-ac3b-768f708edc0a"


@pytest.fixture(autouse=True)
def communes(geography):
    """Two communes (the test settings load none): Miquelon-Langlade and Rennes."""
    TerritoryFactory(kind="commune", insee_code="97501", name="Miquelon-Langlade", parents=[Territory.objects.get_by_code("collectivity:975")])
    TerritoryFactory(kind="commune", insee_code="35238", name="Rennes", parents=[Territory.objects.get_by_code("epci:243500139")])


def dispositifs(*places):
    """A file of one record per `eligibilite_geographique` value."""
    rows = [ROW.replace(UID, f"{UID[:-2]}{n:02d}").replace("Accélérateur décarbonation", f"Aide {n}").replace("REG-84|DEP-01,", f"{place},", 1)
            for n, place in enumerate(places)]
    return (HEADER + "\r\n" + "".join(rows)).encode()


def places(title):
    return {t.code for t in Programme.objects.get(title=title).territories.all()}


def test_overseas_collectivities_and_communes_import():
    plan = DISPOSITIFS.plan(dispositifs("COM-987", "COM-975|COM-97501", "EPCI-243500139|COM-35238", "PAYS-99100", "DEP-974|REG-04"))
    assert plan.ok, [str(p) for p in plan.problems]
    DISPOSITIFS.apply(plan, publish=True)
    assert places("Aide 0") == {"collectivity:987"}
    assert places("Aide 1") == {"collectivity:975", "commune:97501"}
    assert places("Aide 2") == {"epci:243500139", "commune:35238"}
    assert places("Aide 3") == {"country:FR"}


def test_the_export_writes_cog_codes_that_import_back(client):
    DISPOSITIFS.apply(DISPOSITIFS.plan(dispositifs("COM-987|COM-97501", "EPCI-243500139|COM-35238")), publish=True)
    data = b"".join(client.get("/programmes/export-dispositifs.csv?closed=include").streaming_content).decode("utf-8-sig")
    written = {row["titre"]: set(row["eligibilite_geographique"].split("|")) for row in csv.DictReader(io.StringIO(data))}
    assert written == {"Aide 0": {"COM-987", "COM-97501"}, "Aide 1": {"EPCI-243500139", "COM-35238"}}
    assert DISPOSITIFS.plan(data.encode()).ok


def test_an_unknown_code_is_named_with_the_closest_known_territory():
    plan = DISPOSITIFS.plan(dispositifs("COM-987", "DEP-9744"))
    assert [(p.line, p.column) for p in plan.problems] == [(3, "eligibilite_geographique")]
    assert "« DEP-9744 »" in plan.problems[0].message and "Le plus proche : « DEP-974 » (La Réunion)" in plan.problems[0].message


def test_without_the_choice_the_import_stays_all_or_nothing(tmp_path):
    path = tmp_path / "dispositifs.csv"
    path.write_bytes(dispositifs("COM-987", "REG-99", "COM-975"))
    with pytest.raises(CommandError):
        call_command("import_dispositifs", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Programme.objects.exists()


def test_skip_invalid_imports_the_valid_rows_and_writes_the_refused_ones(tmp_path):
    path, refused = tmp_path / "dispositifs.csv", tmp_path / "refusees.csv"
    path.write_bytes(dispositifs("COM-987", "REG-99", "COM-975", "COM-99999|DEP-35"))
    err = io.StringIO()
    call_command("import_dispositifs", str(path), "--skip-invalid", "--refused-csv", str(refused), stdout=io.StringIO(), stderr=err)
    assert set(Programme.objects.values_list("title", flat=True)) == {"Aide 0", "Aide 2"}
    assert "ligne 3" in err.getvalue() and "ligne 5" in err.getvalue() and "2 row(s) refused" in err.getvalue()
    rows = list(csv.DictReader(io.StringIO(refused.read_text(encoding="utf-8-sig"))))
    assert [row["titre"] for row in rows] == ["Aide 1", "Aide 3"]
    assert "REG-99" in rows[0]["problemes"] and "COM-99999" in rows[1]["problemes"]
    assert rows[0]["eligibilite_geographique"] == "REG-99"  # the cells as written, to fix and import again


def test_the_admin_preview_offers_the_valid_rows_only_and_the_refused_ones_as_csv(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from editorial.roles import REVIEWERS
    from tests.factories import staff_user

    client.force_login(staff_user(REVIEWERS))
    url = reverse("admin:programmes_programme_import_dispositifs")
    upload = SimpleUploadedFile("dispositifs.csv", dispositifs("COM-987", "REG-99", "COM-975"))
    preview = client.post(url, {"action": "preview", "file": upload})
    assert preview.status_code == 400 and preview.context["valid_count"] == 2 and not preview.context["token"]
    assert "Importer seulement les 2 lignes valides" in preview.content.decode()
    refused = client.post(url, {"action": "refused", "token": preview.context["skip_token"]})
    assert refused["Content-Disposition"] == 'attachment; filename="lignes-refusees.csv"'
    rows = list(csv.DictReader(io.StringIO(refused.content.decode("utf-8-sig"))))
    assert [(row["titre"], row["eligibilite_geographique"]) for row in rows] == [("Aide 1", "REG-99")]
    assert not Programme.objects.exists()
    response = client.post(url, {"action": "confirm", "token": preview.context["skip_token"], "publish": "on"})
    assert response.status_code == 303
    assert set(Programme.objects.values_list("title", flat=True)) == {"Aide 0", "Aide 2"}
    assert client.post(url, {"action": "refused", "token": "forged"}).status_code == 400
