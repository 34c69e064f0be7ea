"""Reading files in Etalab's schema-dispositif-aide: JSON (an array of records, as
`/programmes/export-dispositifs.json` writes it) or CSV (the schema's columns), and the cells
that need parsing (organisations, dates, lists). Nothing here touches the database.
"""
import ast
import csv
import datetime
import io
import json
import re
import uuid

from django.utils.translation import gettext as _

from core.csvfile import decode, unprotect
from core.imports import MAX_CELL_CHARS, ImportProblem, Problem

from .export import FIELDS, LIST_SEPARATOR, PARIS

REQUIRED = ("id", "titre", "description", "eligibilite", "types_aides", "porteurs", "cibles", "eligibilite_geographique")
ROLE_KEYS = re.compile(r"([{,]\s*)(nom|siren|roles)\s*:")
MAX_JSON_DEPTH = 100  # a record needs 4 levels; Python's parser gives up (RecursionError) near 1,000
JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def parse_file(data):
    """[(line, record)] from `data` (bytes), JSON or CSV; raises ImportProblem when unreadable.

    `line` is the CSV line, or the record's position (from 1) in a JSON array."""
    try:
        text, delimiter, _excel_fr = decode(data)
    except UnicodeDecodeError:
        raise ImportProblem(Problem(0, "", _("le fichier n'est pas en UTF-8."))) from None
    if text.lstrip()[:1] in ("[", "{"):
        return _json_records(text)
    return _csv_records(text, delimiter)


def _json_records(text):
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise ImportProblem(Problem(0, "", _("JSON illisible : %(error)s") % {"error": exc})) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise ImportProblem(Problem(0, "", _("JSON trop imbriqué : plus de %(max)s niveaux à la ligne %(line)s, colonne %(column)s.") % {
            "max": MAX_JSON_DEPTH, "line": line, "column": column})) from None
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        document = document["data"]
    if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
        raise ImportProblem(Problem(0, "", _("le JSON doit être une liste d'objets (un par dispositif).")))
    if not document:
        raise ImportProblem(Problem(0, "", _("le fichier est vide.")))
    return [(index, {name: _text(item.get(name)) for name in FIELDS} | {"porteurs": item.get("porteurs")})
            for index, item in enumerate(document, start=1)]


def _too_deep(text):
    """(line, column) from 1 of the bracket opening level MAX_JSON_DEPTH + 1 (strings skipped)."""
    depth = 0
    for token in JSON_TOKENS.finditer(text):
        depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(token.group(), 0)
        if depth > MAX_JSON_DEPTH:
            start = token.start()
            return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
    return 1, 1


def _text(value):
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _csv_records(text, delimiter):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader, None) or []]
        missing = [name for name in REQUIRED if name not in header]
        if not header:
            raise ImportProblem(Problem(0, "", _("le fichier est vide.")))
        if missing:
            raise ImportProblem(Problem(1, "", _("colonnes obligatoires du schéma manquantes : %(cols)s") % {"cols": ", ".join(missing)}))
        records = []
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise ImportProblem(Problem(line, "", _("%(found)s colonnes au lieu de %(expected)s.") % {"found": len(cells), "expected": len(header)}))
            for name, cell in zip(header, cells):
                if len(cell) > MAX_CELL_CHARS:
                    raise ImportProblem(Problem(line, name, _("cellule trop longue (%(length)s caractères, %(max)s au plus).") % {
                        "length": len(cell), "max": MAX_CELL_CHARS}))
            row = dict(zip(header, (unprotect(cell) for cell in cells)))
            records.append((line, {name: row.get(name, "") for name in FIELDS}))
    except csv.Error as exc:
        raise ImportProblem(Problem(0, "", _("CSV illisible : %(error)s") % {"error": exc})) from None
    return records


def parse_uuid(text):
    try:
        return uuid.UUID(text.strip())
    except (ValueError, AttributeError):
        raise ValueError(_("identifiant invalide « %(value)s » (attendu un UUID).") % {"value": str(text)[:40]}) from None


def parse_day(text):
    """An ISO 8601 date or date-time → the day in Paris (None when empty)."""
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_("date invalide « %(value)s » (attendu ISO 8601, par ex. 2025-10-15T15:00:00Z).") % {"value": text[:40]}) from None
    return moment.astimezone(PARIS).date() if moment.tzinfo else moment.date()


def split(text):
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def parse_porteurs(value):
    """[{nom, siren, roles}] from a list (JSON) or a cell: JSON text, or the notation of the schema's
    own example (`[{ nom: 'ADEME', siren: '385290309', roles: [ 'instructeur' ]}]`)."""
    items = value
    if not isinstance(value, list):
        text = (value or "").strip()
        if not text:
            return []
        try:
            items = json.loads(text)
        except (ValueError, RecursionError):
            try:
                items = ast.literal_eval(ROLE_KEYS.sub(r'\1"\2":', text))
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                raise ValueError(_("porteurs illisibles (attendu une liste [{nom, siren, roles}]).")) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError(_("porteurs illisibles (attendu une liste [{nom, siren, roles}])."))
    return [_porteur(item) for item in items]


def _porteur(item):
    name, siren, roles = item.get("nom"), item.get("siren") or "", item.get("roles") or []
    if not isinstance(name, str) or not name.strip():
        raise ValueError(_("un porteur n'a pas de nom."))
    if isinstance(roles, str):
        roles = [roles]
    if not isinstance(siren, str) or not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise ValueError(_("porteur « %(name)s » illisible.") % {"name": name[:60]})
    return {"nom": name.strip(), "siren": siren.replace(" ", ""), "roles": [role.strip() for role in roles]}
