"""The organisation export as a person reads it in French Excel (`?dialect=excel-fr`), and back.

As the programmes' (`programmes/excel_fr.py`): French headers, the type's label, the seat by
name; `standard_csv` turns such a file back into the standard columns for the import.
"""
from django.conf import settings
from django.utils import translation

from core.csvfile import rename_problem_columns, rewrite_table, unprotect
from core.text import fold
from territories.labels import codes_of, labels_of

from .exports import actor_rows
from .models import Actor

# (French header, the standard column it comes from)
COLUMNS = (
    ("Identifiant", "slug"), ("Nom", "name"), ("Sigle", "acronym"), ("Type", "kind"), ("Siège", "seat_code"),
    ("SIREN", "siren"), ("Site web", "website"), ("Description", "description"), ("Source", "source"),
    ("Fiche dans l'annuaire", "page_url"),
)
HEADER = [french for french, _column in COLUMNS]


def french_actor_rows(queryset, *, site_url=None):
    """Header, then one row per organisation: `actor_rows`' rows, each rewritten for a person."""
    rows = actor_rows(queryset, site_url=site_url)
    at = {column: index for index, column in enumerate(next(rows))}
    yield HEADER
    with translation.override("fr"):
        kinds = {value: str(label) for value, label in Actor.Kind.choices}
    seats = labels_of(Actor.objects.exclude(seat=None).values("seat__name"))
    for row in rows:
        cells = {"kind": kinds.get(row[at["kind"]], row[at["kind"]]), "seat_code": seats.get(row[at["seat_code"]], row[at["seat_code"]])}
        yield [cells[column] if column in cells else row[at[column]] for _french, column in COLUMNS]


def standard_csv(data, max_bytes=None):
    """`data` with the French export's columns and labels turned back into the standard ones; any other file as it is."""
    if len(data) > (max_bytes or settings.IMPORT_MAX_BYTES):
        return data  # refused by the import's own check
    return rewrite_table(data, lambda rows: _standard(rows) if "Identifiant" in rows[0] and "slug" not in rows[0] else None)


def _standard(rows):
    french = dict(COLUMNS)
    columns = [french.get(name, name) for name in rows[0]]
    kinds = {}
    for language in ("fr", "en"):
        with translation.override(language):
            kinds.update({fold(str(label)): value for value, label in Actor.Kind.choices})
    seat = columns.index("seat_code") if "seat_code" in columns else None
    seats = codes_of({unprotect(cells[seat]) for cells in rows[1:] if seat is not None and len(cells) == len(columns)} - {""})
    yield columns
    for cells in rows[1:]:
        if len(cells) == len(columns):
            row = dict(zip(columns, cells))
            if "kind" in row:
                row["kind"] = kinds.get(fold(unprotect(row["kind"])), row["kind"])
            if seat is not None:
                row["seat_code"] = seats.get(unprotect(row["seat_code"]), row["seat_code"])
            cells = [row[column] for column in columns]
        yield cells


def name_columns(plan):
    """Name the problems of a French file by its own columns."""
    french = {column: header for header, column in COLUMNS}
    return rename_problem_columns(plan, french)
