"""The programme export as a person reads it in French Excel (`?dialect=excel-fr`), and back.

The standard CSV is the import's format: codes, slugs, English column names. The French one
is a transform of its rows: French headers, labels instead of codes, territories and
organisations by name, amounts as numbers and dates as dates. `standard_csv` turns such a file
back into the standard columns, so the import takes either.
"""
from django.conf import settings
from django.utils import translation
from django.utils.text import slugify

from core.csvfile import LIST_SEPARATOR, rename_problem_columns, rewrite_table, split_list, unprotect
from core.text import fold
from territories.labels import codes_of, labels_of

from .exports import programme_rows, published_actors
from .models import Audience, Programme, Theme
from .status import Recurrence, Status

# (French header, the standard column it comes from; a role for the organisation columns)
COLUMNS = (
    ("Identifiant", "slug"), ("Titre", "title"), ("Type", "kind"), ("Statut", "status"),
    ("Date d'ouverture", "opens_on"), ("Date limite", "deadline"), ("Récurrence", "recurrence"),
    ("Budget total (€)", "total_budget_eur"), ("Montant minimum (€)", "amount_min_eur"), ("Montant maximum (€)", "amount_max_eur"),
    ("Territoires", "territory_codes"), ("Porteurs", "runs"), ("Financeurs", "funds"), ("Partenaires", "partner"),
    ("Thématiques", "themes"), ("Publics", "audiences"), ("Résumé", "summary"), ("Description", "description"),
    ("Site web", "website"), ("Contact", "contact_name"), ("E-mail de contact", "contact_email"), ("Source", "source"),
    ("Vérifié le", "last_verified_on"), ("Fiche dans l'annuaire", "page_url"), ("Programme parent (identifiant)", "parent"),
)
HEADER = [french for french, _column in COLUMNS]
ROLES = ("runs", "funds", "partner")
# Read by people only: the import leaves them aside (the standard file's are ignored too).
IGNORED = ("status", "page_url")
INFORMATIVE = ("kind_label", "status", "status_label", "territories", "actors", "page_url")


def _labels(choices):
    with translation.override("fr"):
        return {value: str(label) for value, label in choices}


def french_programme_rows(queryset, *, site_url=None):
    """Header, then one row per programme: `programme_rows`' rows, each rewritten for a person."""
    rows = programme_rows(queryset, site_url=site_url)
    at = {column: index for index, column in enumerate(next(rows))}
    yield HEADER
    kinds, statuses, recurrences = _labels(Programme.Kind.choices), _labels(Status.choices), _labels(Recurrence.choices)
    territories = labels_of(Programme.territories.through.objects.values("territory__name"))
    actors = {slug: name for _rank, name, slug, _kind in published_actors().values()}
    for row in rows:
        roles = {role: [] for role in ROLES}
        for entry in split_list(row[at["actor_roles"]]):
            role, _sep, slug = entry.partition(":")
            roles[role].append(actors.get(slug, slug))
        cells = {
            "kind": kinds.get(row[at["kind"]], row[at["kind"]]), "status": statuses.get(row[at["status"]], row[at["status"]]),
            "recurrence": recurrences.get(row[at["recurrence"]], row[at["recurrence"]]),
            "territory_codes": LIST_SEPARATOR.join(territories.get(code, code) for code in split_list(row[at["territory_codes"]])),
            **{role: LIST_SEPARATOR.join(names) for role, names in roles.items()},
        }
        yield [cells[column] if column in cells else row[at[column]] for _french, column in COLUMNS]


def is_french(header):
    return "Identifiant" in header and "slug" not in header


def standard_csv(data, max_bytes=None):
    """`data` with the French export's columns and labels turned back into the standard ones
    (same separator, one row per row, so that problems keep their line); any other file as it is."""
    if len(data) > (max_bytes or settings.IMPORT_MAX_BYTES):
        return data  # refused by the import's own check
    return rewrite_table(data, lambda rows: _Standard(rows).rows() if is_french(rows[0]) else None)


def name_columns(plan):
    """Name the problems of a French file by its own columns."""
    french = {column: header for header, column in COLUMNS}
    french.update({"actor_roles": "Porteurs, Financeurs, Partenaires", "theme_slugs": "Thématiques", "audience_slugs": "Publics"})
    return rename_problem_columns(plan, french)


class _Standard:
    """A French file's rows in the standard columns: labels to codes, names to codes and slugs."""

    def __init__(self, rows):
        self.header, self.rows_in = rows[0], rows[1:]
        french = dict(COLUMNS)
        self.columns = [french.get(name, name) for name in self.header]
        self.choices = {name: _codes(choices) for name, choices in (
            ("kind", Programme.Kind.choices), ("recurrence", Recurrence.choices))}
        self.references = {"themes": _slugs(Theme), "audiences": _slugs(Audience)}
        self.territories = codes_of({label for cells in self.rows_in if len(cells) == len(self.header)
                                     for label in split_list(unprotect(cells[self.columns.index("territory_codes")]))}
                                    if "territory_codes" in self.columns else ())

    def rows(self):
        """The standard header, then each row; a row of the wrong length as it is."""
        order = [c for c in self.columns if c not in IGNORED and c not in ROLES]
        order += [c for c in INFORMATIVE if c not in order]
        order += ["actor_roles"] if any(c in ROLES for c in self.columns) else []
        order += [f"{name[:-1]}_slugs" for name in self.references if name in self.columns]
        yield order
        for cells in self.rows_in:
            if len(cells) != len(self.header):
                yield cells  # refused by the import, which counts the columns
                continue
            row = self.row(dict(zip(self.columns, cells)))
            yield [row.get(column, "") for column in order]

    def row(self, cells):
        row = {column: cell for column, cell in cells.items() if column not in ROLES}
        for name, codes in self.choices.items():
            if name in cells:
                row[name] = codes.get(fold(unprotect(cells[name])), cells[name])
        if "territory_codes" in cells:
            row["territory_codes"] = LIST_SEPARATOR.join(
                self.territories.get(label, label) for label in split_list(unprotect(cells["territory_codes"])))
        row["actor_roles"] = LIST_SEPARATOR.join(
            f"{role}:{name}" for role in ROLES if role in cells for name in split_list(unprotect(cells[role])))
        for name, slugs in self.references.items():
            if name in cells:
                names = split_list(unprotect(cells[name]))
                row[name] = LIST_SEPARATOR.join(names)
                row[f"{name[:-1]}_slugs"] = LIST_SEPARATOR.join(slugs.get(fold(n)) or slugify(n) for n in names)
        return row


def _codes(choices):
    """{folded label or value: value}, the labels in French and in English."""
    codes = {}
    for language in ("fr", "en"):
        with translation.override(language):
            codes.update({fold(str(label)): value for value, label in choices})
    codes.update({value: value for value, _label in choices})
    return codes


def _slugs(model):
    return {fold(name): slug for slug, name in model.objects.values_list("slug", "name")}

