"""CSV writing shared by every export: dialects, safe cells, streaming.

Exporters are generators of rows (header first) with no HTTP in them;
`encode_rows` turns them into encoded chunks a StreamingHttpResponse can send.
"""
import csv
import datetime
from decimal import Decimal

# OWASP "CSV injection": spreadsheets execute cells starting with these.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
LIST_SEPARATOR = " | "


class Dialect:
    STANDARD = "rfc4180"
    EXCEL_FR = "excel-fr"
    CHOICES = (STANDARD, EXCEL_FR)


class _Echo:
    def write(self, value):
        return value


def safe_text(value):
    """Neutralise a text cell a spreadsheet would run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_PREFIXES) else text


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
    return safe_text(value)


def encode_rows(rows, dialect=Dialect.STANDARD):
    """Yield encoded CSV lines for `rows` (an iterable of lists), header included."""
    delimiter = ";" if dialect == Dialect.EXCEL_FR else ","
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if dialect == Dialect.EXCEL_FR:
        yield "\ufeff".encode()
    for row in rows:
        yield writer.writerow([format_cell(value, dialect) for value in row]).encode("utf-8")


def joined(values):
    return LIST_SEPARATOR.join(str(v) for v in values if v not in (None, ""))
