"""Parsing half of the programme CSV import: file, header, cells, and the plan objects.

Nothing is written here. Every problem is collected with its line and column
so the editor can fix the whole file at once; `import_apply` writes a plan
only when it has no problem at all.
"""
import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from actors.csv_export import DANGEROUS_PREFIXES, LIST_SEPARATOR

from .exports import PROGRAMME_COLUMNS
from .models import Programme

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass
class Problem:
    line: int
    column: str
    message: str

    def __str__(self):
        where = _("ligne %(line)s") % {"line": self.line} if self.line else _("fichier")
        return f"{where}, {self.column} : {self.message}" if self.column else f"{where} : {self.message}"


@dataclass
class RowPlan:
    line: int
    slug: str
    values: dict
    existing: Programme | None = None
    territories: list = field(default_factory=list)
    themes: list = field(default_factory=list)      # (slug, name)
    audiences: list = field(default_factory=list)   # (slug, name)
    roles: list = field(default_factory=list)       # (role, actor slug, actor name)


@dataclass
class ImportPlan:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    @property
    def created(self):
        return sum(1 for row in self.rows if row.existing is None)

    @property
    def updated(self):
        return len(self.rows) - self.created


def unneutralise(text):
    """Undo the export's formula guard: "'=x" was "=x"."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1].startswith(DANGEROUS_PREFIXES) else text


def split_list(cell):
    return [part.strip() for part in cell.split(LIST_SEPARATOR.strip()) if part.strip()] if cell else []


def decode(data):
    """Bytes → (text, delimiter, decimal comma?) or raise a Problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblem(Problem(line, "", _("le fichier n'est pas en UTF-8 (octet illisible). Enregistrez-le en « CSV UTF-8 »."))) from None
    first = text.split("\n", 1)[0]
    excel_fr = data.startswith(b"\xef\xbb\xbf") or first.count(";") > first.count(",")
    return text, (";" if excel_fr else ","), excel_fr


class ImportProblem(Exception):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


def read_rows(data):
    """Yield (line, dict) after checking the header; raise ImportProblem on a bad file."""
    text, delimiter, excel_fr = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportProblem(Problem(1, "", _("CSV illisible : %(error)s") % {"error": exc})) from None
    if not header:
        raise ImportProblem(Problem(0, "", _("le fichier est vide.")))
    missing = [c for c in PROGRAMME_COLUMNS if c not in header]
    unknown = [c for c in header if c not in PROGRAMME_COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("colonnes manquantes : %(cols)s") % {"cols": ", ".join(missing)})
        if unknown:
            parts.append(_("colonnes inconnues : %(cols)s") % {"cols": ", ".join(unknown)})
        raise ImportProblem(Problem(1, "", "; ".join(parts)))
    return header, reader, excel_fr


def parse_date(value):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("date invalide « %(value)s » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)") % {"value": value[:30]})


def parse_amount(value, excel_fr):
    raw = value.replace("\u202f", "").replace(" ", "")
    raw = raw.replace(",", ".") if excel_fr else raw
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise ValueError(_("montant invalide « %(value)s »") % {"value": value[:30]}) from None
    if amount < 0:
        raise ValueError(_("un montant ne peut pas être négatif (%(value)s)") % {"value": value[:30]})
    return amount
