"""The documentation says what the code does: a README per reader, and docs that fail here when
the settings, the exports or the imports change without them."""
import re

import pytest

from actors.exports import ACTOR_COLUMNS
from actors.imports import REQUIRED as ACTOR_REQUIRED
from health_registry.settings import BASE_DIR
from programmes.exports import PROGRAMME_COLUMNS, PROJECT_COLUMNS
from programmes.imports.programmes import REQUIRED as PROGRAMME_REQUIRED
from programmes.imports.projects import REQUIRED as PROJECT_REQUIRED

DOCS = BASE_DIR / "docs"
# Where the environment is read: the settings and gunicorn's configuration.
READERS = ("health_registry/settings.py", "gunicorn.conf.py")
VARIABLE_READ = re.compile(r"""(?:os\.environ\.get|os\.getenv|env_bool)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def text(name):
    return (DOCS / name).read_text(encoding="utf-8")


def section(document, heading):
    """The text under `## heading`, up to the next `## ` heading."""
    body = document.split(f"\n## {heading}\n", 1)[1]
    return body.split("\n## ", 1)[0]


def variables_read():
    names = set()
    for path in READERS:
        names |= set(VARIABLE_READ.findall((BASE_DIR / path).read_text(encoding="utf-8")))
    return names


def variables_documented():
    """The variables named in the first column of the table of docs/deploying.md."""
    rows = section(text("deploying.md"), "Environment variables").splitlines()
    return {name for row in rows if row.startswith("| `") for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_the_readme_is_short_and_links_every_reader_to_their_document():
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 100
    for name in ("api.md", "data-formats.md", "guide-editeurs.md", "deploying.md", "architecture.md"):
        assert f"](docs/{name})" in readme, name
        assert (DOCS / name).exists(), name
    assert "make run PORT=8001" in readme and "DEMO_DATE" in readme and "make test" in readme


def test_the_reader_of_variables_finds_them():
    assert {"SECRET_KEY", "DEBUG", "REDIS_TIMEOUT", "GUNICORN_WORKERS"} <= variables_read()


def test_every_environment_variable_read_is_in_the_deploying_table():
    assert variables_read() - variables_documented() == set()


def test_the_deploying_table_names_no_variable_the_code_does_not_read():
    assert variables_documented() - variables_read() == {"DJANGO_SETTINGS_MODULE"}


@pytest.mark.parametrize("label, columns", [
    ("programmes", PROGRAMME_COLUMNS), ("acteurs", ACTOR_COLUMNS), ("projets", PROJECT_COLUMNS),
])
def test_the_csv_columns_are_the_exports_in_their_order(label, columns):
    listed = re.search(rf"^- \*\*{label}\*\*: `([^`]+)`", section(text("data-formats.md"), "CSV columns"), re.M)
    assert re.split(r",\s*", listed.group(1)) == columns


@pytest.mark.parametrize("label, required", [
    ("programmes", PROGRAMME_REQUIRED), ("acteurs", ACTOR_REQUIRED), ("projets", PROJECT_REQUIRED),
])
def test_the_required_import_columns_are_the_importers(label, required):
    sentence = section(text("data-formats.md"), "Import columns").split("Required:", 1)[1].split(" (a `slug`", 1)[0]
    parts = dict(re.findall(r"\*\*(\w+)\*\*\s+([^;*]+)", sentence))
    assert re.findall(r"`(\w+)`", parts[label]) == list(required)


@pytest.mark.parametrize("label, required", [
    ("programmes", PROGRAMME_REQUIRED), ("organisations", ACTOR_REQUIRED), ("projets financés", PROJECT_REQUIRED),
])
def test_the_editors_guide_names_the_same_required_columns(label, required):
    line = re.search(rf"^- {label} : (.*)$", text("guide-editeurs.md"), re.M)
    assert re.findall(r"`(\w+)`", line.group(1)) == list(required)
