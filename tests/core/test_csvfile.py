"""`encode_rows` writes what `csv.writer` would, after `format_cell`, in large streamed pieces."""
import csv
import datetime
import io
import itertools
from decimal import Decimal

from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from core.csvfile import BOM, ENCODE_CHUNK, Dialect, encode_rows, format_cell


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
