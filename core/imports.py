"""CSV import plumbing shared by every importer: read, check, collect problems, then write all or nothing.

Nothing is written while reading. Every problem is collected with its line and
column so the editor can fix the whole file at once; a plan is written only
when it has no problem at all, in one transaction.
"""
import csv
import datetime
import io
import itertools
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from . import import_refusals
from .csvfile import decode, unprotect

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
CHUNK_ROWS = 500  # rows written (and progress reported) at a time
BULK_ROWS = 500  # imports this large refresh the planner's statistics
SHOWN_PROBLEMS = 100  # listed by the preview, the job and the commands; the rest are counted


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
    """One valid row: the values to write and the entry it updates (None: a new one)."""

    line: int
    slug: str
    values: dict
    existing: object = None
    relations: dict = field(default_factory=dict)
    unchanged: bool = False  # an update whose values and relations are the entry's own: nothing to write

    @property
    def label(self):
        return self.values.get("title") or self.values.get("name") or self.slug


@dataclass
class ImportPlan:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    notices: list = field(default_factory=list)  # what the import will do besides its rows (organisations created)
    refused: list = field(default_factory=list)  # the problems of the rows left out (`Importer.skipping_invalid`)

    @property
    def ok(self):
        return not self.problems

    @property
    def shown_problems(self):
        return self.problems[:SHOWN_PROBLEMS]

    @property
    def more_problems(self):
        """How many problems `shown_problems` leaves out."""
        return max(0, len(self.problems) - SHOWN_PROBLEMS)

    @property
    def created(self):
        return sum(1 for row in self.rows if row.existing is None)

    @property
    def updated(self):
        """Rows that change an existing entry (not those repeating it)."""
        return sum(1 for row in self.rows if row.existing is not None and not row.unchanged)

    @property
    def unchanged(self):
        return sum(1 for row in self.rows if row.unchanged)


class ImportProblem(Exception):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


class PlanHasProblems(Exception):
    pass


class ImportConflict(Exception):
    """The directory changed between the check and the write (an entry deleted meanwhile):
    the transaction is undone; the message says what, for the editor."""


NUL = "\x00"
# A cell longer than this is refused with its line and column. Python's csv module stops at the
# same length with an error naming neither, so its own limit is lifted (the file is in memory anyway).
MAX_CELL_CHARS = 131_072
csv.field_size_limit(2**31 - 1)


def check_size(data, max_bytes=None):
    """Raise ImportProblem when `data` (bytes, or a size) is over `max_bytes` (default: IMPORT_MAX_BYTES)."""
    max_bytes = max_bytes or settings.IMPORT_MAX_BYTES
    size = data if isinstance(data, int) else len(data)
    if size > max_bytes:
        raise ImportProblem(Problem(0, "", _("le fichier fait %(size)s octets, %(max)s au plus (réglage IMPORT_MAX_BYTES) : découpez-le.") % {
            "size": size, "max": max_bytes}))


def check_rows(count, max_rows=None):
    """Raise ImportProblem when `count` rows are more than `max_rows` (default: IMPORT_MAX_ROWS)."""
    max_rows = max_rows or settings.IMPORT_MAX_ROWS
    if count > max_rows:
        raise ImportProblem(Problem(0, "", _("le fichier a plus de %(max)s lignes (réglage IMPORT_MAX_ROWS) : découpez-le.") % {"max": max_rows}))


def count_rows(text, delimiter, max_rows):
    """The table's rows after its header, counted up to `max_rows` + 1 only (without reading further)."""
    if text.count("\n") <= max_rows:  # each row but the last ends a line: no more rows than that
        return 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return sum(1 for _row in itertools.islice(reader, max_rows + 2)) - 1
    except csv.Error:
        return 0  # reported with its line by the reading itself


def read_table(data, columns, optional=(), max_rows=None):
    """(header, reader, decimal_comma) after checking the encoding, the size and the header, or raise ImportProblem.

    `optional` columns may be absent (their cells then read as empty)."""
    try:
        text, delimiter, decimal_comma = decode(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblem(Problem(line, "", _("le fichier n'est pas en UTF-8 (octet illisible). Enregistrez-le en « CSV UTF-8 »."))) from None
    max_rows = max_rows or settings.IMPORT_MAX_ROWS
    check_rows(count_rows(text, delimiter, max_rows), max_rows)
    if NUL in text.split("\n", 1)[0]:
        raise ImportProblem(Problem(1, "", _("l'en-tête contient un caractère nul (NUL) : le fichier est-il bien un CSV ?")))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportProblem(Problem(1, "", _("CSV illisible : %(error)s") % {"error": exc})) from None
    if not header:
        raise ImportProblem(Problem(0, "", _("le fichier est vide.")))
    check_header(header, columns, optional)
    return header, reader, decimal_comma


def check_header(header, columns, optional=()):
    """Every column once, each one known: raise ImportProblem naming the missing, unknown and repeated ones."""
    missing = [c for c in columns if c not in header]
    unknown = [c for c in header if c not in columns and c not in optional]
    repeated = sorted({c for c in header if header.count(c) > 1})
    parts = []
    if missing:
        parts.append(_("colonnes manquantes : %(cols)s") % {"cols": ", ".join(missing)})
    if unknown:
        parts.append(_("colonnes inconnues : %(cols)s") % {"cols": ", ".join(c[:60] for c in unknown)})
    if repeated:
        parts.append(_("colonnes en double : %(cols)s") % {"cols": ", ".join(c[:60] for c in repeated)})
    if parts:
        raise ImportProblem(Problem(1, "", "; ".join(parts)))


def _stored(entry, name):
    """The entry's value for a field, a relation by its id (without fetching the related row)."""
    return getattr(entry, entry._meta.get_field(name).attname)


def _key(value):
    return getattr(value, "pk", value)


def buffered(reader):
    """(rows read, an iterator giving them again): a CSV error ends the rows and is raised again
    at their end, where `TableReader.read` reports it with its line."""
    rows, error = [], None
    try:
        rows.extend(reader)
    except csv.Error as exc:
        error = exc

    def replay():
        yield from rows
        if error is not None:
            raise error

    return rows, replay()


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
    if not amount.is_finite():  # NaN cannot even be compared; no column stores an infinity
        raise ValueError(_("montant invalide « %(value)s »") % {"value": value[:30]})
    if amount < 0:
        raise ValueError(_("un montant ne peut pas être négatif (%(value)s)") % {"value": value[:30]})
    return amount


def parse_year(value):
    if not value.isdigit() or not 1900 <= int(value) <= 2100:
        raise ValueError(_("année invalide « %(value)s »") % {"value": value[:30]})
    return int(value)


class TableReader:
    """Reads every row of a table into `plan`; subclasses check one row in `read_row`."""

    columns = ()  # required: the key and what every row needs
    optional_columns = ()  # may be absent from the file: then read as empty cells
    absent = frozenset()  # the optional columns this file lacks (`keep_stored` leaves their fields as stored)

    def __init__(self, plan, *, user, excel_fr, **options):
        self.plan, self.user, self.excel_fr = plan, user, excel_fr

    @classmethod
    def allows(cls, user, **options):
        """May `user` read a file with these options? Readers with options say who may use them."""
        return not options

    @classmethod
    def plan(cls, data, *, user=None, max_rows=None, max_bytes=None, **options):
        """Read and validate `data` (bytes) for `user` (None: command line, full rights), within the size limits."""
        plan = ImportPlan()
        try:
            check_size(data, max_bytes)
            header, reader, excel_fr = read_table(data, cls.columns, cls.optional_columns, max_rows)
        except ImportProblem as exc:
            plan.problems.append(exc.problem)
            return plan
        table = cls(plan, user=user, excel_fr=excel_fr, **options)
        table.read(header, reader)
        if plan.ok:
            table.mark_unchanged()
        return plan

    def problem(self, line, column, message):
        # One message per cell: the model's own check would repeat ours.
        if not any(p.line == line and p.column == column for p in self.plan.problems[-10:]):
            self.plan.problems.append(Problem(line, column, message))

    def read(self, header, reader):
        self.absent = frozenset(self.optional_columns) - set(header)
        seen = {}
        line = 1
        try:
            for line, cells in enumerate(reader, start=2):
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(header):
                    self.problem(line, "", _("%(found)s colonnes au lieu de %(expected)s.") % {"found": len(cells), "expected": len(header)})
                    continue
                if self.has_nul(line, header, cells) or self.has_long_cell(line, header, cells):
                    continue
                row = dict.fromkeys(self.optional_columns, "")
                row.update(zip(header, (unprotect(c) for c in cells)))
                self.add(line, self.read_row(line, row), seen)
        except csv.Error as exc:
            self.problem(line + 1, "", _("CSV illisible : %(error)s") % {"error": exc})

    def has_nul(self, line, header, cells):
        """A NUL character no database column accepts (PostgreSQL refuses it): one problem per cell."""
        found = False
        for column, cell in zip(header, cells):
            if NUL in cell:
                self.problem(line, column, _("caractère nul (NUL) interdit dans une cellule : supprimez-le."))
                found = True
        return found

    def has_long_cell(self, line, header, cells):
        found = False
        for column, cell in zip(header, cells):
            if len(cell) > MAX_CELL_CHARS:
                self.problem(line, column, _("cellule trop longue (%(length)s caractères, %(max)s au plus).") % {
                    "length": len(cell), "max": MAX_CELL_CHARS})
                found = True
        return found

    def add(self, line, row, seen):
        if row is None:
            return
        if row.slug in seen:
            self.problem(line, "slug", _("« %(slug)s » figure déjà ligne %(other)s.") % {"slug": row.slug, "other": seen[row.slug]})
            return
        seen[row.slug] = line
        self.plan.rows.append(row)

    def read_row(self, line, row):
        raise NotImplementedError

    def keep_stored(self, plan, fields):
        """Leave out of an update the fields of the columns the file lacks: an older export, or a
        hand-written file, must not clear what it does not name (a new entry gets them empty).

        `fields` maps each column the reader writes to its field (derived columns fill none)."""
        if plan is not None and plan.existing is not None:
            for column in self.absent & fields.keys():
                plan.values.pop(fields[column], None)
        return plan

    def mark_unchanged(self):
        """Mark the updates that repeat their entry: the preview counts them apart, the writer skips them."""
        for row in self.plan.rows:
            if row.existing is not None:
                row.unchanged = all(_stored(row.existing, name) == _key(value) for name, value in row.values.items()) and self.same_relations(row)

    def same_relations(self, row):
        """Whether the row's relations are its entry's (readers with relations say)."""
        return True

    def convert(self, line, column, raw, parser):
        raw = raw.strip()
        if not raw:
            return None
        try:
            return parser(raw)
        except ValueError as exc:
            self.problem(line, column, str(exc))
            return None

    def check_instance(self, line, instance, *, exclude=(), columns=None):
        """The model's own field and clean() checks, reported on the file's columns."""
        try:
            instance.clean_fields(exclude=list(exclude))
            instance.clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    self.problem(line, (columns or {}).get(name, name), message)


def analyze(model=None):
    """Refresh the planner's statistics after bulk writes. Without them SQLite may probe its
    FTS5 index once per row instead of starting from the MATCH; PostgreSQL's autovacuum keeps its
    own, this only hurries it.

    With `model`, PostgreSQL analyses only its table and its many-to-many tables: the whole
    database (history included) costs far more at scale."""
    statement = "ANALYZE"
    if model is not None and connection.vendor == "postgresql":
        tables = [model._meta.db_table, *(f.remote_field.through._meta.db_table for f in model._meta.many_to_many)]
        statement += " " + ", ".join(connection.ops.quote_name(table) for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(statement)


def analyze_after_import(model, rows):
    """`analyze` after writing `rows` rows of `model`. On PostgreSQL only when they at least
    doubled its table (a first load: plans need its size at once); autovacuum analyses the
    table within a minute of any import anyway, and ANALYZE costs ~1 s at 100,000 rows."""
    if model is not None and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [connection.ops.quote_name(model._meta.db_table)])
            estimate = cursor.fetchone()[0]
        if estimate > rows:  # -1: never analysed
            return
    analyze(model)


def chunk_writer(writer):
    """`writer.write_chunk(rows)` when the writer writes many rows at once (a constant number
    of queries per chunk), else the writer called once per row."""
    write_chunk = getattr(writer, "write_chunk", None)
    if write_chunk is not None:
        return write_chunk
    return lambda rows: [writer(row) for row in rows]


def iter_apply(plan, writer, *, chunk_rows=None):
    """Write a problem-free plan in one transaction, chunk by chunk, yielding (rows done, total)."""
    if not plan.ok:
        raise PlanHasProblems(_("Le fichier contient des erreurs : rien n'a été importé."))
    total = len(plan.rows)
    chunk_rows = chunk_rows or CHUNK_ROWS
    write = chunk_writer(writer)
    with transaction.atomic():
        for start in range(0, total, chunk_rows):
            write(plan.rows[start:start + chunk_rows])
            yield min(start + chunk_rows, total), total
    if total >= BULK_ROWS:
        analyze_after_import(getattr(writer, "model", None), total)


IMPORTERS = {}
CREATE_ACTORS = "create-actors"  # the variant of an import that creates the organisations it names
SKIP_INVALID = "skip-invalid"  # the variant that writes the valid rows only (the editor's choice)


@dataclass
class Importer:
    """One kind of CSV import: how to read and check a file, how to write its rows.

    Every importer is registered by name when its module is imported (the admin imports
    them all at start-up), so that a queued import job can find it again."""

    name: str
    reader: type
    writer: type  # writer(user=..., publish=...): a callable(row_plan), or with write_chunk(row_plans)
    options: dict = field(default_factory=dict)  # the reader's options (`variant`)
    family: str = ""  # the importer this one is a variant of: same admin page, same jobs
    skip_invalid: bool = False  # plans hold the valid rows only, the others in `plan.refused`

    def __post_init__(self):
        IMPORTERS[self.name] = self
        self.family = self.family or self.name
        if not self.skip_invalid:  # registered now: a queued job of another process finds it
            self.skipping_invalid()

    def skipping_invalid(self):
        """This import writing its valid rows only (`import_refusals`), as `<name>+skip-invalid`."""
        name = f"{self.name}+{SKIP_INVALID}"
        return IMPORTERS.get(name) or Importer(name, self.reader, self.writer, options=self.options, family=self.family, skip_invalid=True)

    def variant(self, suffix, **options):
        """The same import with reader options, registered under its own name (a queued job keeps it)."""
        return Importer(f"{self.name}+{suffix}", self.reader, self.writer, options={**self.options, **options}, family=self.family)

    def get_variant(self, suffix):
        """The variant `variant(suffix, ...)` registered, or None."""
        return IMPORTERS.get(f"{self.family}+{suffix}")

    def family_names(self):
        return [name for name, importer in IMPORTERS.items() if importer.family == self.family]

    def allows(self, user):
        """May `user` run this import with its options (None: the command line, full rights)?"""
        return self.reader.allows(user, **self.options)

    def plan(self, data, *, user=None, max_rows=None, max_bytes=None):
        plan = self.reader.plan(data, user=user, max_rows=max_rows, max_bytes=max_bytes, **self.options)
        return import_refusals.valid_rows_only(plan)[0] if self.skip_invalid else plan

    def iter_apply(self, plan, *, user=None, publish=False):
        return iter_apply(plan, self.writer(user=user, publish=publish))

    def apply(self, plan, *, user=None, publish=False, progress=None):
        """Write every row of a problem-free plan in one transaction. Returns (created, updated)."""
        for done, total in self.iter_apply(plan, user=user, publish=publish):
            if progress:
                progress(done, total)
        return plan.created, plan.updated
