"""The layout's rules, checked on the source: one-way dependencies, one home per concept."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# An app may import from apps of a lower layer only: core ← search, territories, editorial ← actors ← programmes.
LAYERS = {"core": 0, "search": 1, "territories": 1, "editorial": 1, "actors": 2, "programmes": 3,
          "alerts": 4, "api": 4, "insights": 4, "pages": 4}


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                yield node.lineno, top


def modules_of(app):
    return sorted((ROOT / app).rglob("*.py"))


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_imports_point_one_way(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {other}"
        for path in modules_of(app) for line, other in imported_apps(path)
        if other != app and LAYERS[other] >= LAYERS[app]
    ]
    assert not wrong, wrong


def test_the_checker_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from programmes.models import Programme\nimport core.text\n")
    assert list(imported_apps(bad)) == [(1, "programmes"), (2, "core")]


def test_actors_define_no_territory_or_workflow_code():
    source = "\n".join(path.read_text(encoding="utf-8") for path in modules_of("actors") if "migrations" not in path.parts)
    for concept in ("class Territory", "TerritoryClosure", "class PublicationState", "TRANSITIONS", "def transition"):
        assert concept not in source, concept


def test_core_holds_plumbing_tables_only():
    """No directory data in core: only state every process must share (counters, directory version)."""
    from django.apps import apps

    names = {model.__name__ for model in apps.get_app_config("core").get_models()}
    assert names <= {"WindowCounter", "DirectoryVersion"}, names


def test_the_territory_rule_is_written_once():
    """Only territories/models.py reads the closure table to say what "in X" means."""
    readers = [
        path.relative_to(ROOT) for app in LAYERS for path in modules_of(app)
        if "migrations" not in path.parts and "TerritoryClosure.objects" in path.read_text(encoding="utf-8")
    ]
    assert readers == [Path("territories/models.py")]


# Template tag libraries are dependencies too: `{% load insights %}` in a programmes template is
# programmes using insights, which no import shows.
LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")


def tag_libraries():
    """{library name: app} of the apps' template tag libraries."""
    return {path.stem: app for app in LAYERS for path in (ROOT / app).glob("templatetags/*.py") if path.stem != "__init__"}


def loaded_libraries(text):
    for match in LOAD.finditer(text):
        words = match.group(1).split()
        yield from (words[-1:] if "from" in words else words)


def templates_of(app):
    """An app's templates: `templates/<app>/…` and `<app>/templates/…`."""
    return sorted([*(ROOT / "templates" / app).rglob("*.html"), *(ROOT / app / "templates").rglob("*.html")])


def wrong_template_loads(libraries):
    for app in LAYERS:
        for path in templates_of(app):
            for library in loaded_libraries(path.read_text(encoding="utf-8")):
                other = libraries.get(library)
                if other and other != app and LAYERS[other] >= LAYERS[app]:
                    yield str(path.relative_to(ROOT)), library


def test_templates_load_tags_one_way():
    assert sorted(wrong_template_loads(tag_libraries())) == []


def test_the_checker_sees_a_template_loading_upward():
    assert list(loaded_libraries("{% load i18n insights %}{% load url from simple_history_compat %}")) == [
        "i18n", "insights", "simple_history_compat"]
    assert list(loaded_libraries("{% load insights %}")) == ["insights"]


# Raw SQL naming another app's table (a literal name) is a dependency no import shows either.
SQL_WORDS = re.compile(r"\b(select|update|insert|delete|from|join|into|table|trigger)\b", re.I)


def tables_by_app():
    from django.apps import apps

    return {model._meta.db_table: model._meta.app_label for model in apps.get_models(include_auto_created=True)
            if model._meta.app_label in LAYERS}


def foreign_tables_in_sql(path, app, tables):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WORDS.search(node.value):
            for table, owner in tables.items():
                if owner != app and re.search(rf"\b{re.escape(table)}\b", node.value):
                    yield f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{node.lineno} names {table}"


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_raw_sql_names_only_its_own_apps_tables(app):
    tables = tables_by_app()
    wrong = [line for path in modules_of(app) for line in foreign_tables_in_sql(path, app, tables)]
    assert not wrong, wrong


def test_the_checker_sees_raw_sql_naming_another_apps_table(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('SQL = "SELECT id FROM programmes_programme JOIN actors_actor ON 1"\nLABEL = "programmes_programme"\n')
    found = list(foreign_tables_in_sql(bad, "actors", tables_by_app()))
    assert [line.split(" names ")[1] for line in found] == ["programmes_programme"]
