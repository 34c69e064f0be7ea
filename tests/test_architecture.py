"""The layout's rules, checked on the source: one-way dependencies, one home per concept."""
import ast
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
