"""French sorting of names and titles, the same on PostgreSQL and SQLite.

Plain `ORDER BY name` sorts by code point: "Île-de-France", "État" and "i-Care LAB" land after
"Z". PostgreSQL sorts with its ICU French collation; SQLite with a collation of the same name
that this module registers on every new connection (Python key below: accents and case second).
Use `french("name")` in `order_by()` and `french_key` to sort labels in Python.
"""
from django.db.models import F
from django.db.models.functions import Collate

from .text import fold

SQLITE_NAME = "french"
POSTGRESQL_NAME = "fr-x-icu"


def _primary(folded):
    # As ICU (punctuation "non-ignorable"): spaces, then punctuation and symbols, sort before
    # digits and letters — "AMI « C…" before "AMI s…", "i-Care" before "Ille".
    return "".join(c if c.isalnum() else ("\x01" if c.isspace() else "\x02" + c) for c in folded)


def french_key(text):
    """Sort key: letters without accents or case first, then accents ("cote" < "côte"), then
    case, lower case first ("cote" < "Cote"), as ICU's French collation does."""
    text = text or ""
    return (_primary(fold(text)), text.casefold(), text.swapcase())


def _compare(left, right):
    a, b = french_key(left), french_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs):
    """`connection_created` receiver: teaches each SQLite connection the French order."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_NAME, _compare)


class French(Collate):
    """`Collate` whose collation name depends on the database; elsewhere the plain column."""

    def __init__(self, expression):
        super().__init__(F(expression) if isinstance(expression, str) else expression, SQLITE_NAME)

    def as_sql(self, compiler, connection, **extra_context):
        names = {"sqlite": SQLITE_NAME, "postgresql": POSTGRESQL_NAME}
        if connection.vendor not in names:
            return compiler.compile(self.get_source_expressions()[0])
        clone = self.copy()
        clone.collation = names[connection.vendor]
        return super(French, clone).as_sql(compiler, connection, **extra_context)


def french(field):
    """`french("title")`: an expression to order by (`.asc()`, `.desc()` work too)."""
    return French(field)
