"""CSV as this directory writes and reads it: dialects, safe cells, streaming, decoding.

Exporters are generators of rows (header first) with no HTTP in them;
`encode_rows` turns them into encoded chunks a StreamingHttpResponse can send.
`decode` and `unprotect` are their inverses, used by every CSV import.
"""
import csv
import datetime
import io
from decimal import Decimal

# OWASP "CSV injection": spreadsheets execute cells starting with these (full-width forms too:
# some spreadsheets read them as their ASCII twins).
FORMULA_STARTS = "=+-@\uff1d\uff0b\uff0d\uff20"
# A cell starting with one of these is guarded even when no formula follows (docs/data-formats.md: tab, CR, LF).
CONTROL_STARTS = "\t\r\n"
# Skipped before a formula start: spaces a spreadsheet may trim (no-break, narrow no-break, zero-width, BOM).
BLANKS = " \t\r\n\u00a0\u202f\u200b\ufeff"
DANGEROUS_PREFIXES = tuple(FORMULA_STARTS + CONTROL_STARTS)
GUARD = "'"
LIST_SEPARATOR = " | "
BOM = "\ufeff"


class Dialect:
    STANDARD = "rfc4180"
    EXCEL_FR = "excel-fr"
    CHOICES = (STANDARD, EXCEL_FR)


def needs_guard(text):
    """True when `text` would run as a formula, or is such a text already guarded by `'`s.

    Guarding those too ("'=x" → "''=x") makes `unprotect` exact: it removes one `'` only
    before what `protect` would have guarded, so every text comes back as it was."""
    text = text.lstrip(GUARD)
    if not text:
        return False
    if text[0] in CONTROL_STARTS:
        return True
    rest = text.lstrip(BLANKS)
    return bool(rest) and rest[0] in FORMULA_STARTS


def protect(value):
    """Neutralise a text cell a spreadsheet would run as a formula (reversible: see `needs_guard`)."""
    text = str(value)
    return GUARD + text if text[:1] in _MAYBE and needs_guard(text) else text


def unprotect(text):
    """Inverse of `protect`: "'=x" was "=x", "''=x" was "'=x", "'x" stays "'x"."""
    return text[1:] if text[:1] == GUARD and needs_guard(text[1:]) else text


def format_cell(value, dialect):
    """Numbers and dates stay typed (not prefixed); only text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (Decimal, int, float)):
        text = format(Decimal(value).normalize(), "f") if isinstance(value, Decimal) else str(value)
        # French Excel reads "1234,5" as a number and "1234.5" as text.
        return text.replace(".", ",") if dialect == Dialect.EXCEL_FR else text
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return protect(value)


# Encoded pieces of about this many characters: few, large writes for the server, flat memory.
ENCODE_CHUNK = 64 * 1024


class _LineWriter:
    """One row → one CSV line, byte for byte what `csv.writer` (QUOTE_MINIMAL, "\r\n") writes
    after `format_cell`, at several times its speed: exact types go through a table, others
    through `format_cell`, and quoting is a few substring tests on each text."""

    def __init__(self, dialect):
        self.dialect = dialect
        self.delimiter = ";" if dialect == Dialect.EXCEL_FR else ","
        number = self._comma_number if dialect == Dialect.EXCEL_FR else str
        self.by_type = {
            str: self.text, type(None): _empty, bool: _flag, int: number, float: number,
            Decimal: self.other, datetime.date: _iso, datetime.datetime: _iso,
        }

    def line(self, row):
        by_type, other = self.by_type, self.other
        text = self.delimiter.join([by_type.get(type(value), other)(value) for value in row])
        # csv.writer quotes a lone empty field, so that the line is not blank.
        return (text or ('""' if len(row) == 1 else "")) + "\r\n"

    def text(self, value):
        """`protect` then `quote`, for the cells that are already text (most of them)."""
        return self.quote(GUARD + value if value[:1] in _MAYBE and needs_guard(value) else value)

    def quote(self, text):
        """Quoted as `csv.writer` does with QUOTE_MINIMAL: when it holds the delimiter, a quote or a line break."""
        if '"' in text:
            return '"' + text.replace('"', '""') + '"'
        if self.delimiter in text or "\n" in text or "\r" in text:
            return '"' + text + '"'
        return text

    def other(self, value):
        return self.quote(format_cell(value, self.dialect))

    @staticmethod
    def _comma_number(value):
        return str(value).replace(".", ",")


# First characters worth a closer look: most cells start with none of them (a set test, fast).
_MAYBE = frozenset(FORMULA_STARTS + BLANKS + GUARD)


def _empty(value):
    return ""


def _flag(value):
    return "1" if value else "0"


def _iso(value):
    return value.isoformat()


def encode_rows(rows, dialect=Dialect.STANDARD):
    """Yield the CSV of `rows` (an iterable of lists, header included), UTF-8 encoded, in pieces of
    about ENCODE_CHUNK characters: rows are read as the pieces are sent, never all at once."""
    line = _LineWriter(dialect).line
    if dialect == Dialect.EXCEL_FR:
        yield BOM.encode()
    lines, size = [], 0
    for row in rows:
        text = line(row)
        lines.append(text)
        size += len(text)
        if size >= ENCODE_CHUNK:
            yield "".join(lines).encode("utf-8")
            lines, size = [], 0
    if lines:
        yield "".join(lines).encode("utf-8")


def joined(values):
    return LIST_SEPARATOR.join(str(v) for v in values if v not in (None, ""))


def split_list(cell):
    """Inverse of `joined`."""
    return [part.strip() for part in cell.split(LIST_SEPARATOR.strip()) if part.strip()] if cell else []


SEPARATORS = (",", ";", "\t")


def decode(data):
    """Bytes → (text, delimiter, decimal_comma). Raises UnicodeDecodeError on non-UTF-8 input.

    The separator is the one the header line uses most (`,` on a tie), read after the BOM: a
    BOM says "UTF-8", not "French Excel" (Excel's "CSV UTF-8" has one whatever its separator).
    Decimal commas go with the `;` and tab separators, as French spreadsheets write them."""
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = max(SEPARATORS, key=first.count)  # max keeps the first of equal counts
    return text, delimiter, delimiter != ","


def rewrite_table(data, rewrite):
    """`data` (a CSV file's bytes) as `rewrite(rows)` gives them back (header first), in the same
    separator, when `rewrite` returns rows; else, or when the file cannot be read (the import
    reports why, with its line), `data` itself."""
    try:
        text, delimiter, _comma = decode(data)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except (UnicodeDecodeError, csv.Error):
        return data
    rewritten = rewrite(rows) if rows else None
    if rewritten is None:
        return data
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter, lineterminator="\r\n").writerows(rewritten)
    return output.getvalue().encode("utf-8")


def rename_problem_columns(plan, names):
    """Name a plan's problems by the columns of the file as given (`names`: {standard column: its header})."""
    for problem in plan.problems + plan.warnings + plan.notices:
        problem.column = names.get(problem.column, problem.column)
    return plan
