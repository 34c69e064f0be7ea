"""CSV as this directory writes and reads it: dialects, safe cells, streaming, decoding.

Exporters are generators of rows (header first) with no HTTP in them;
`encode_rows` turns them into encoded chunks a StreamingHttpResponse can send.
`decode` and `unprotect` are their inverses, used by every CSV import.
"""
import csv
import datetime
from decimal import Decimal

# OWASP "CSV injection": spreadsheets execute cells starting with these.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
LIST_SEPARATOR = " | "
BOM = "\ufeff"


class Dialect:
    STANDARD = "rfc4180"
    EXCEL_FR = "excel-fr"
    CHOICES = (STANDARD, EXCEL_FR)


class _Echo:
    def write(self, value):
        return value


def protect(value):
    """Neutralise a text cell a spreadsheet would run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_PREFIXES) else text


def unprotect(text):
    """Inverse of `protect`: "'=x" was "=x"."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1].startswith(DANGEROUS_PREFIXES) else text


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


def encode_rows(rows, dialect=Dialect.STANDARD):
    """Yield encoded CSV lines for `rows` (an iterable of lists), header included."""
    delimiter = ";" if dialect == Dialect.EXCEL_FR else ","
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if dialect == Dialect.EXCEL_FR:
        yield BOM.encode()
    for row in rows:
        yield writer.writerow([format_cell(value, dialect) for value in row]).encode("utf-8")


def joined(values):
    return LIST_SEPARATOR.join(str(v) for v in values if v not in (None, ""))


def split_list(cell):
    """Inverse of `joined`."""
    return [part.strip() for part in cell.split(LIST_SEPARATOR.strip()) if part.strip()] if cell else []


def decode(data):
    """Bytes → (text, delimiter, excel_fr). Raises UnicodeDecodeError on non-UTF-8 input."""
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    excel_fr = data.startswith(BOM.encode()) or first.count(";") > first.count(",")
    return text, (";" if excel_fr else ","), excel_fr
