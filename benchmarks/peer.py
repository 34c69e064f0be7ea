"""The peer: Datasette serving the same programmes, from this product's own CSV export.

Datasette is a benchmark requirement, never a runtime one: it lives in its own virtualenv
(`.venv-bench/`, from the pinned requirements-bench.txt) so its dependencies never meet the
project's. Its database is SQLite with FTS5: one `programmes` table built from the export's
rows, the export's columns as they are, plus `regions` and `themes` as JSON arrays (the
regions where each programme applies by the product's rule, the themes' slugs) for Datasette's
`_facet_array` and `__arraycontains`, and an FTS5 table on the texts the product searches, as
`sqlite-utils enable-fts` makes it (Datasette finds it and offers `_search`)."""
import csv
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.test import Client

from benchmarks.load import wait_for
from territories.codes import format_code
from territories.models import Territory, TerritoryClosure

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bench"
REQUIREMENTS = ROOT / "requirements-bench.txt"
DATABASE = "bench"  # the database's name in the peer's URLs (/bench/programmes)
PORT = 8766
# The texts the product's search reads (title, organisations, themes, summary, description).
SEARCHED = ("title", "actors", "theme_names", "summary", "description")


def ensure_venv():
    """`.venv-bench/bin/datasette`, installed from requirements-bench.txt unless it already is."""
    stamp = VENV / ".requirements.sha256"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and (VENV / "bin" / "datasette").exists():
        return VENV / "bin" / "datasette"
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(REQUIREMENTS)],
                   check=True)
    stamp.write_text(wanted)
    return VENV / "bin" / "datasette"


def version():
    datasette = VENV / "bin" / "datasette"
    if not datasette.exists():
        return "(not installed)"
    return subprocess.run([str(datasette), "--version"], capture_output=True, text=True).stdout.split()[-1]


def regions_where_applying():
    """{"kind:code": [region codes]}: the regions where a programme of that territory applies,
    as the listing's region filter means it (`TerritoryScope.applies`: inside the region or
    containing it, France and Europe included)."""
    territories = {t.id: t for t in Territory.objects.all()}
    applies = {}
    for descendant, ancestor in TerritoryClosure.objects.values_list("descendant_id", "ancestor_id"):
        inner, outer = territories[descendant], territories[ancestor]
        if outer.kind == Territory.Kind.REGION:
            applies.setdefault(format_code(inner), set()).add(outer.insee_code)
        if inner.kind == Territory.Kind.REGION:
            applies.setdefault(format_code(outer), set()).add(inner.insee_code)
    return {code: sorted(regions) for code, regions in applies.items()}


def matches(path, selection):
    """How many rows of the peer's database `selection` matches, as Datasette's filters read it."""
    region, kind, theme, word = selection
    within = "id in (select p.id from programmes p, json_each(p.{}) j where j.value = ?)"
    sql = (f"select count(*) from programmes where id in (select rowid from programmes_fts where programmes_fts match ?)"
           f" and kind = ? and {within.format('regions')} and {within.format('themes')}")
    with sqlite3.connect(path) as db:
        return db.execute(sql, (f'"{word}"', kind, region, theme)).fetchone()[0]


def export_rows():
    """The product's CSV export of every published programme, as dicts (read over HTTP in-process)."""
    response = Client().get("/programmes/export.csv", HTTP_HOST="127.0.0.1", secure=True)
    assert response.status_code == 200, response.status_code
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return csv.DictReader(io.StringIO(text))


def split(cell):
    return [part.strip() for part in cell.split("|") if part.strip()]


def build_database(folder):
    """Writes the peer's SQLite database in `folder`; returns (its path, {slug: row id})."""
    path = os.path.join(folder, f"{DATABASE}.db")
    if os.path.exists(path):
        os.remove(path)
    applies = regions_where_applying()
    rows = export_rows()
    # The export's `themes` (names) are kept as `theme_names`; `themes` are the slugs, which the
    # facet and the filter use, as the product's do.
    columns = [c for c in rows.fieldnames if c != "theme_slugs"]
    named = ["theme_names" if c == "themes" else c for c in columns]
    db = sqlite3.connect(path)
    db.execute(f"create table programmes (id integer primary key, {', '.join(f'[{c}] text' for c in named)}, regions text, themes text)")
    ids = {}
    for number, row in enumerate(rows, start=1):
        regions = sorted({r for code in split(row["territory_codes"]) for r in applies.get(code, ())})
        values = [number, *(row[c] for c in columns), json.dumps(regions), json.dumps(split(row["theme_slugs"]))]
        db.execute(f"insert into programmes values ({', '.join('?' * len(values))})", values)
        ids[row["slug"]] = number
    db.execute("create index programmes_kind on programmes (kind)")
    searched = ", ".join(f"[{c}]" for c in SEARCHED)
    db.execute(f"create virtual table [programmes_fts] using FTS5 ({searched}, content=[programmes])")
    db.execute(f"insert into programmes_fts (rowid, {searched}) select id, {searched} from programmes")
    db.commit()
    db.execute("analyze")
    db.close()
    return path, ids


def serve(path, threads):
    """`datasette serve` on the peer's port: `threads` SQL threads, every facet computed (time
    limits far above any answer: Datasette otherwise drops a slow facet and answers faster),
    no facet suggestions, 20 rows a page as the product's listing."""
    datasette = ensure_venv()
    settings = {"num_sql_threads": threads, "sql_time_limit_ms": 30000, "facet_time_limit_ms": 30000,
                "suggest_facets": "off", "default_page_size": 20}
    command = [str(datasette), "serve", "--immutable", path, "--host", "127.0.0.1", "--port", str(PORT)]
    for name, value in settings.items():
        command += ["--setting", name, str(value)]
    with open(os.path.join(os.path.dirname(path), "datasette.log"), "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    return wait_for(f"http://127.0.0.1:{PORT}/{DATABASE}.json", process, "datasette")
