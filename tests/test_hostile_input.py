"""Random and hostile query strings never produce a 500 on any public page or export; hostile
import files and admin query strings get a 400 naming what is wrong."""
import io

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.demo import load_demo_data

PAGES = [
    "/", "/programmes/", "/programmes/export.csv", "/programmes/technopole-sante-dijon/",
    "/acteurs/", "/acteurs/export.csv", "/acteurs/dijon-metropole/", "/projets/", "/projets/export.csv",
]
PARAMS = ["q", "region", "department", "kind", "theme", "audience", "status", "actor", "scope", "sort", "page",
          "dialect", "programme", "year", "beneficiary_kind", "x"]
HOSTILE = ["", "0", "-1", "99999999999999999999", "53", "84", "abc", "1.5", "'; DROP TABLE x;--", "\x00", "%00",
           "é" * 300, "<script>", "=HYPERLINK()", "excel-fr", "local", "open", "funding_call", "e-sante", "../", "\ud7ff"]

values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
query = st.lists(st.tuples(st.sampled_from(PARAMS), values), max_size=6)


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_data()
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(PAGES), params=query)
def test_no_server_error(demo_db, page, params):
    client = Client(raise_request_exception=False)
    response = client.get(page, params)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400), (page, params, response.status_code)


# --- hostile files and admin query strings (issue 22, part C item 6) ------------------------------

def _superuser_client():
    from tests.factories import UserFactory

    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _admin_pages():
    """(url, model admin) of every registered model's add page and of a change page of one of its rows."""
    from django.contrib import admin
    from django.urls import reverse

    for model in admin.site._registry:
        opts = model._meta
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), model
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]), model


def _relation_params(model):
    """`?field=abc` (and `?field=1,abc` for a many-to-many) for every relation a form could take from the address."""
    for field in model._meta.get_fields():
        if field.is_relation and getattr(field, "concrete", False):
            yield {field.name: "abc"}
            yield {field.name: "99999999999999999999"}
            if field.many_to_many:
                yield {field.name: "1,abc"}


@pytest.mark.django_db
def test_admin_query_strings_answer_400_not_500(geography):
    from tests.factories import FundedProjectFactory

    FundedProjectFactory()
    client = _superuser_client()
    bad, checked = [], 0
    for url, model in _admin_pages():
        for params in [{"_to_field": ""}, {"_popup": "1", "_to_field": ""}, *_relation_params(model)]:
            response = client.get(url, params)
            checked += 1
            if response.status_code >= 500:
                bad.append((url, params, response.status_code))
    assert checked > 50 and not bad, bad
    response = client.get("/admin/programmes/programme/add/", {"parent": "abc"})
    assert response.status_code == 400 and "« parent » vaut « abc »" in response.content.decode()
    response = client.post("/admin/programmes/programme/add/", {"_to_field": ""})
    assert response.status_code == 400 and "_to_field" in response.content.decode()
    # Valid ones still open the form, filled in.
    programme = FundedProjectFactory._meta.model.objects.get().programme
    assert client.get("/admin/programmes/programme/add/", {"parent": programme.pk, "title": "x"}).status_code == 200


def _upload(client, url, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url, {"action": "preview", "file": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
def test_a_cell_over_the_csv_field_limit_is_refused_with_its_line_and_column(geography):
    from programmes.exports import PROGRAMME_COLUMNS
    from programmes.models import Programme

    row = dict.fromkeys(PROGRAMME_COLUMNS, "") | {"slug": "long", "title": "Long", "kind": "grant", "description": "x" * 200_000}
    data = (",".join(PROGRAMME_COLUMNS) + "\r\n" + ",".join(row[c] for c in PROGRAMME_COLUMNS) + "\r\n").encode()
    response = _upload(_superuser_client(), "/admin/programmes/programme/import/", "p.csv", data)
    text = response.content.decode()
    assert response.status_code == 400 and "ligne 2, description : cellule trop longue (200000 caractères" in text, text[-3000:]
    actors = b"slug,name,acronym,kind,kind_label,seat,seat_code,siren,website,description,source,page_url\r\n" \
             b"a,A,,other,,,,,,\"" + b"y" * 150_000 + b"\",,\r\n"
    response = _upload(_superuser_client(), "/admin/actors/actor/import/", "a.csv", actors)
    assert response.status_code == 400 and "ligne 2, description : cellule trop longue" in response.content.decode()
    dispositif = b"id,titre,description,eligibilite,types_aides,porteurs,cibles,eligibilite_geographique\r\n" \
                 b"x,T,\"" + b"z" * 140_000 + b"\",,,,,\r\n"
    response = _upload(_superuser_client(), "/admin/programmes/programme/import-dispositifs/", "d.csv", dispositif)
    assert response.status_code == 400 and "ligne 2, description : cellule trop longue" in response.content.decode()
    assert not Programme.objects.exists()


@pytest.mark.django_db
def test_json_nested_100000_deep_is_refused_with_its_line_and_column(geography, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    data = b'[\n {"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]"
    response = _upload(_superuser_client(), "/admin/programmes/programme/import-dispositifs/", "d.json", data)
    text = response.content.decode()
    assert response.status_code == 400 and "JSON trop imbriqué : plus de 100 niveaux à la ligne 2, colonne 107" in text
    path = tmp_path / "d.json"
    path.write_bytes(data)
    with pytest.raises(CommandError):
        call_command("import_dispositifs", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    # In a porteurs cell too (a CSV of the schema).
    cell = "[" * 50_000 + "]" * 50_000
    csv_data = ("id,titre,description,eligibilite,types_aides,porteurs,cibles,eligibilite_geographique\r\n"
                f"3fa85f64-5717-4562-b3fc-2c963f66afa6,T,D,E,financement,{cell},,FR\r\n").encode()
    response = _upload(_superuser_client(), "/admin/programmes/programme/import-dispositifs/", "d.csv", csv_data)
    assert response.status_code == 400 and "porteurs illisibles" in response.content.decode()
