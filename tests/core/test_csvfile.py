"""`encode_rows` writes what `csv.writer` would, after `format_cell`, in large streamed pieces."""
import csv
import datetime
import io
import itertools
from decimal import Decimal

import pytest
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from core.csvfile import BOM, ENCODE_CHUNK, Dialect, decode, encode_rows, format_cell, needs_guard, protect, unprotect


def reference(rows, dialect):
    """The CSV the standard library writes: the definition `encode_rows` must match byte for byte."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dialect == Dialect.EXCEL_FR else ",", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([format_cell(value, dialect) for value in row])
    return ((BOM if dialect == Dialect.EXCEL_FR else "") + buffer.getvalue()).encode("utf-8")


TEXT = st.text(alphabet=st.sampled_from(list('ab ,;"\r\n\t=+-@\'é€|\x00')) | st.characters(exclude_categories=("Cs",)), max_size=12)
CELLS = st.one_of(
    TEXT, st.none(), st.booleans(), st.integers(), st.floats(), st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(), st.datetimes(), TEXT.map(mark_safe), TEXT.map(lazy(str, str)),
)


@settings(max_examples=500, deadline=None)
@given(rows=st.lists(st.lists(CELLS, max_size=6), max_size=6), dialect=st.sampled_from(Dialect.CHOICES))
def test_encode_rows_matches_the_csv_module(rows, dialect):
    assert b"".join(encode_rows(rows, dialect)) == reference(rows, dialect)


def test_edge_rows_match_the_csv_module():
    rows = [[""], [None], [], ["", ""], ["=1", "-2", Decimal("-2.50"), -2], ['x "y"', "1,2", "a;b", "l1\nl2", "\rx"]]
    for dialect in Dialect.CHOICES:
        assert b"".join(encode_rows(rows, dialect)) == reference(rows, dialect)


def test_pieces_are_large_and_rows_are_read_as_they_are_sent():
    endless = ([f"ligne {n}", "é" * 100, n] for n in itertools.count())
    pieces = encode_rows(endless)
    first, second = next(pieces), next(pieces)  # an endless source: nothing reads it all
    assert len(first.decode()) >= ENCODE_CHUNK and len(second.decode()) >= ENCODE_CHUNK
    assert first.startswith(b"ligne 0,") and first.endswith(b"\r\n")


def test_excel_variant_starts_with_the_bom_and_uses_decimal_commas():
    body = b"".join(encode_rows([["a", Decimal("1234.50"), 1.5, datetime.date(2024, 1, 2)]], Dialect.EXCEL_FR))
    assert body == (BOM + "a;1234,5;1,5;2024-01-02\r\n").encode()


# --- formula guard (issue 10 item 8) -------------------------------------------------------------


def read_back(data):
    """What every import reads from an export: the CSV parsed, then each cell unprotected."""
    text, delimiter, _comma = decode(data)
    return [[unprotect(cell) for cell in cells] for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


@pytest.mark.parametrize(("text", "exported"), [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-5 %", "'-5 %"), ("@SUM(A1)", "'@SUM(A1)"),
    ("  =x", "'  =x"), ("\t=x", "'\t=x"), ("\r=x", "'\r=x"), ("\u00a0=x", "'\u00a0=x"), ("\u202f+x", "'\u202f+x"),
    ("\u200b@x", "'\u200b@x"), ("\ufeff-x", "'\ufeff-x"), ("\uff1dx", "'\uff1dx"), ("\uff0bx", "'\uff0bx"),
    ("\uff0dx", "'\uff0dx"), ("\uff20x", "'\uff20x"), ("\tx", "'\tx"), ("\nx", "'\nx"),
    # Already guarded by hand: one more quote, so that the import gives back exactly this text.
    ("'=x", "''=x"), ("''=x", "'''=x"), ("' =x", "'' =x"),
    # Not formulas: unchanged.
    ("'x", "'x"), ("'", "'"), ("''", "''"), ("x=1", "x=1"), ("  x", "  x"), ("", ""), (" ", " "), ("a-b", "a-b"),
])
def test_protect_guards_formula_starts_and_their_guarded_forms(text, exported):
    assert protect(text) == exported
    assert unprotect(exported) == text
    assert needs_guard(text) == (exported != text)


def test_unprotect_leaves_a_quote_that_guards_nothing():
    assert unprotect("'x") == "'x" and unprotect("'") == "'" and unprotect("' x") == "' x"


def test_numbers_are_not_guarded_but_a_text_that_looks_negative_is():
    assert format_cell(-5, Dialect.STANDARD) == "-5"
    assert format_cell(Decimal("-5.5"), Dialect.EXCEL_FR) == "-5,5"
    assert format_cell("-5", Dialect.STANDARD) == "'-5"


GUARD_TEXT = st.text(alphabet=st.sampled_from(list("'=+-@ \t\r\n\u00a0\u202f\u200b\ufeff\uff1d\uff0b\uff0d\uff20ax;,\"")), max_size=8)


@settings(max_examples=1000, deadline=None)
@given(data=st.data(), width=st.integers(2, 4), dialect=st.sampled_from(Dialect.CHOICES))
def test_export_then_import_gives_back_every_text(data, width, dialect):
    cell = GUARD_TEXT | TEXT.filter(lambda t: "\x00" not in t)
    rows = data.draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=4))
    header = [f"c{n}" for n in range(width)]  # an import reads its separator from the header (2+ columns)
    assert read_back(b"".join(encode_rows([header, *rows], dialect))) == [header, *rows]


@settings(max_examples=1000, deadline=None)
@given(text=GUARD_TEXT | st.text())
def test_unprotect_inverts_protect(text):
    assert unprotect(protect(text)) == text


@pytest.mark.parametrize(("data", "delimiter", "decimal_comma"), [
    (b"slug,title\r\n", ",", False), (b"slug;title\r\n", ";", True), (b"slug\ttitle\r\n", "\t", True),
    (BOM.encode() + b"slug,title\r\n", ",", False),  # Excel "CSV UTF-8" outside France
    (BOM.encode() + b"slug;title\r\n", ";", True), (BOM.encode() + b"slug\ttitle\r\n", "\t", True), (b"slug\r\n", ",", False),
])
def test_the_separator_is_read_from_the_header_after_the_bom(data, delimiter, decimal_comma):
    text, found, comma = decode(data)
    assert (found, comma) == (delimiter, decimal_comma) and not text.startswith(BOM)
