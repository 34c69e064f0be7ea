"""The funded-project export as a person reads it in French Excel (`?dialect=excel-fr`), and back.

As the programmes' (`programmes/excel_fr.py`): French headers, the beneficiary's type as its
label, the territory by name, the amount as a number. The programme and the beneficiary keep
their identifiers beside their names (two programmes may share a title), so that
`standard_csv` turns such a file back into the standard columns for the import.
"""
from django.conf import settings
from django.utils import translation

from actors.models import Actor
from core.csvfile import rename_problem_columns, rewrite_table, unprotect
from core.text import fold
from territories.labels import codes_of, labels_of

from .exports import project_rows
from .models import FundedProject

# (French header, the standard column it comes from)
COLUMNS = (
    ("Identifiant", "slug"), ("Titre", "title"), ("Programme", "programme_title"),
    ("Programme (identifiant)", "programme_slug"), ("Bénéficiaire", "beneficiary_name"),
    ("Bénéficiaire (identifiant)", "beneficiary_slug"), ("Type de bénéficiaire", "beneficiary_kind"),
    ("Partenaires", "partners"), ("Année", "year"), ("Date d'attribution", "awarded_on"),
    ("Montant attribué (€)", "amount_eur"), ("Territoire", "territory_code"), ("Description", "description"),
    ("Site web", "website"), ("Source", "source"),
)
HEADER = [french for french, _column in COLUMNS]


def french_project_rows(queryset):
    """Header, then one row per funded project: `project_rows`' rows, each rewritten for a person."""
    rows = project_rows(queryset)
    at = {column: index for index, column in enumerate(next(rows))}
    yield HEADER
    with translation.override("fr"):
        kinds = {value: str(label) for value, label in Actor.Kind.choices}
    territories = labels_of(FundedProject.objects.exclude(territory=None).values("territory__name"))
    for row in rows:
        kind, code = row[at["beneficiary_kind"]], row[at["territory_code"]]
        cells = {"beneficiary_kind": kinds.get(kind, kind), "territory_code": territories.get(code, code)}
        yield [cells[column] if column in cells else row[at[column]] for _french, column in COLUMNS]


def is_french(header):
    return "Identifiant" in header and "slug" not in header


def standard_csv(data, max_bytes=None):
    """`data` with the French export's columns and labels turned back into the standard ones
    (same separator, one row per row, so that problems keep their line); any other file as it is."""
    if len(data) > (max_bytes or settings.IMPORT_MAX_BYTES):
        return data  # refused by the import's own check
    return rewrite_table(data, lambda rows: _standard(rows) if is_french(rows[0]) else None)


def _standard(rows):
    french = dict(COLUMNS)
    columns = [french.get(name, name) for name in rows[0]]
    kinds = {}
    for language in ("fr", "en"):
        with translation.override(language):
            kinds.update({fold(str(label)): value for value, label in Actor.Kind.choices})
    place = columns.index("territory_code") if "territory_code" in columns else None
    labels = {unprotect(cells[place]) for cells in rows[1:] if place is not None and len(cells) == len(columns)}
    codes = codes_of(labels - {""})
    yield columns
    for cells in rows[1:]:
        if len(cells) == len(columns):  # else refused by the import, which counts the columns
            row = dict(zip(columns, cells))
            if "beneficiary_kind" in row:
                row["beneficiary_kind"] = kinds.get(fold(unprotect(row["beneficiary_kind"])), row["beneficiary_kind"])
            if place is not None:
                row["territory_code"] = codes.get(unprotect(row["territory_code"]), row["territory_code"])
            cells = [row[column] for column in columns]
        yield cells


def name_columns(plan):
    """Name the problems of a French file by its own columns."""
    french = {column: header for header, column in COLUMNS}
    return rename_problem_columns(plan, french)
