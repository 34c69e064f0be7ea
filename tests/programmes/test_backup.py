"""Backup and restore: the `backup`/`restore` round trip (any database, into a fresh one too)
and the pg_dump/pg_restore recipe of docs/deploying.md give byte-identical public exports, history kept."""
import json
import os
import re
import subprocess
import sys
import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from actors.models import Actor
from editorial.roles import EDITORS
from health_registry.settings import BASE_DIR
from programmes.models import Programme, Theme
from programmes.services import save_programme
from territories.models import TerritoryClosure
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The three public exports, one scoped by region (the territory closure) and one by a search
# (the index), sorted by title so that the two engines' rankings do not enter the comparison.
URLS = [
    "/programmes/export.csv", "/acteurs/export.csv", "/projets/export.csv",
    "/programmes/export.csv?region=53", "/programmes/export.csv?q=sant%C3%A9&sort=title",
]

# Run in a child process against another database: optional commands, then the exports and the
# number of history rows, written to files.
CHILD = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.apps import apps
commands, out, urls = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
for command in filter(None, commands.split(";")):
    name, *args = command.split()
    call_command(name, *args, verbosity=0)
client = Client(HTTP_HOST="127.0.0.1")
for i, url in enumerate(urls):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    with open(f"{out}/{i}.csv", "wb") as handle:
        handle.write(b"".join(response.streaming_content))
counts = {m._meta.label: m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical")}
with open(f"{out}/history.json", "w") as handle:
    json.dump(counts, handle)
"""


def exports(client):
    bodies = []
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(b"".join(response.streaming_content))
    return bodies


def historical_models():
    return [model for model in apps.get_models() if model.__name__.startswith("Historical")]


def history_rows():
    """Every history row, accounts by name (their ids may change: they are restored by natural key)."""
    rows = {}
    for model in historical_models():
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "history_user"]
        if any(f.name == "history_user" for f in model._meta.fields):
            fields.append("history_user__username")
        rows[model._meta.label] = list(model.objects.order_by("pk").values(*fields))
    return rows


def history_counts():
    return {model._meta.label: model.objects.count() for model in historical_models()}


@pytest.fixture
def edited_demo(demo):
    """The demo data, plus an editor (in a group, attached to an organisation) who edited an entry."""
    editor = UserFactory(username="editrice", is_staff=True)
    call_command("setup_roles", verbosity=0)
    editor.groups.add(Group.objects.get(name=EDITORS))
    actor = Actor.objects.order_by("pk").first()
    actor.editors.add(editor)
    programme = Programme.objects.order_by("pk").first()
    programme.summary = "Résumé revu avant la sauvegarde."
    save_programme(programme=programme, themes=list(Theme.objects.all()[:2]), user=editor, reason="relecture")
    return editor


@pytest.mark.usefixtures("edited_demo")
def test_restore_gives_byte_identical_exports_and_keeps_history(client, tmp_path):
    before, history, closure = exports(client), history_rows(), TerritoryClosure.objects.count()
    assert any(row.get("history_user__username") == "editrice" for row in history["programmes.HistoricalProgramme"])
    path = tmp_path / "backup.jsonl.gz"
    call_command("backup", str(path), verbosity=0)

    # The database changes after the backup: the restore must bring back exactly what was saved.
    Programme.objects.order_by("pk").last().delete()
    Theme.objects.create(name="Thème ajouté après", slug="theme-ajoute-apres")
    call_command("restore", str(path), interactive=False, verbosity=0)

    assert exports(client) == before
    assert history_rows() == history
    assert TerritoryClosure.objects.count() == closure
    editor = get_user_model().objects.get(username="editrice")
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert editor.check_password("correct horse battery staple")
    assert Actor.objects.filter(editors=editor).count() == 1


@pytest.mark.usefixtures("edited_demo")
def test_restore_into_a_fresh_database_of_another_engine(client, tmp_path):
    """The backup, restored into a freshly migrated SQLite database (PostgreSQL's run: across engines)."""
    before, history = exports(client), history_counts()
    backup = tmp_path / "backup.jsonl.xz"
    call_command("backup", str(backup), verbosity=0)
    out = tmp_path / "fresh"
    out.mkdir()
    run_child(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", f"migrate;restore {backup} --noinput", out)
    assert [(out / f"{i}.csv").read_bytes() for i in range(len(URLS))] == before
    assert json.loads((out / "history.json").read_text()) == history


def run_child(database_url, commands, out):
    env = os.environ | {"DATABASE_URL": database_url, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "health_registry.settings"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, commands, str(out), json.dumps(URLS)],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.usefixtures("edited_demo")
def test_a_broken_backup_changes_nothing(tmp_path):
    path = tmp_path / "backup.jsonl"
    call_command("backup", str(path), verbosity=0)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[: len(lines) // 2] + ['{"model": "programmes.programme", "pk": 1, "fields": {']), encoding="utf-8")
    programmes, history = Programme.objects.count(), history_counts()
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(path), interactive=False, verbosity=0)
    assert Programme.objects.count() == programmes
    assert history_counts() == history


@pytest.mark.parametrize("name", ["backup.json", "backup.csv", "backup"])
def test_backup_refuses_a_name_that_does_not_say_its_format(tmp_path, name):
    with pytest.raises(CommandError, match="jsonl"):
        call_command("backup", str(tmp_path / name), verbosity=0)
    assert not (tmp_path / name).exists()


def test_restore_of_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "absent.jsonl"), interactive=False, verbosity=0)


def test_restore_asks_before_replacing_the_database(demo, tmp_path, monkeypatch):
    path = tmp_path / "backup.jsonl"
    call_command("backup", str(path), verbosity=0)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(path), verbosity=0)


# PostgreSQL only, and not collected at all on SQLite: CI counts a skipped test as a failure.
if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
    import psycopg

    def documented_recipe():
        """The pg_dump and pg_restore lines of docs/deploying.md, as documented."""
        text = (BASE_DIR / "docs" / "deploying.md").read_text(encoding="utf-8")
        lines = [line.split("  #")[0].strip() for line in text.splitlines() if re.match(r"pg_(dump|restore) ", line)]
        assert [line.split()[0] for line in lines] == ["pg_dump", "pg_restore"], lines
        return lines

    def server(database=""):
        db = connection.settings_dict
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"

    @pytest.fixture
    def two_databases():
        names = [f"{connection.settings_dict['NAME']}_{role}_{uuid.uuid4().hex[:8]}" for role in ("live", "restored")]
        with psycopg.connect(server("postgres"), autocommit=True) as admin:
            for name in names:
                admin.execute(f'CREATE DATABASE "{name}"')
            try:
                yield [server(name) for name in names]
            finally:
                for name in names:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def test_the_documented_pg_dump_recipe_restores_everything(two_databases, tmp_path):
        live, restored = two_databases
        (tmp_path / "live").mkdir()
        (tmp_path / "restored").mkdir()
        run_child(live, "migrate;load_demo_data", tmp_path / "live")
        env = os.environ | {"DATABASE_URL": live, "RESTORED_DATABASE_URL": restored}
        for line in documented_recipe():
            result = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, (line, result.stderr)
        run_child(restored, "", tmp_path / "restored")
        for i in range(len(URLS)):
            assert (tmp_path / "restored" / f"{i}.csv").read_bytes() == (tmp_path / "live" / f"{i}.csv").read_bytes(), URLS[i]
        assert (tmp_path / "restored" / "history.json").read_text() == (tmp_path / "live" / "history.json").read_text()
