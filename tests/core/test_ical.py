"""RFC 5545 content lines: escaping, folding at 75 octets, chunks."""
import datetime as dt

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from core import ical


def test_text_escapes_the_special_characters_and_drops_controls():
    assert ical.text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ical.text("tab\tstays\x00\x07\x7f") == "tab\tstays"
    assert ical.text("line\u2028sep\x85") == "line\\nsep\\n"


def test_short_lines_are_left_whole_and_long_ones_folded():
    assert ical.line("SUMMARY", "x" * 67) == b"SUMMARY:" + b"x" * 67 + b"\r\n"  # 75 octets
    assert ical.line("SUMMARY", "x" * 68) == b"SUMMARY:" + b"x" * 67 + b"\r\n x\r\n"
    # A continuation holds 74 octets after its space; "é" (2 octets) is never cut.
    assert ical.line("X", "y" * 72 + "é" + "z" * 80) == b"X:" + b"y" * 72 + b"\r\n " + "é".encode() + b"z" * 72 + b"\r\n " + b"z" * 8 + b"\r\n"


@given(st.text(min_size=0, max_size=400))
def test_any_text_folds_into_valid_lines_and_reads_back(value):
    data = ical.line("DESCRIPTION", ical.text(value))
    physical = data.split(b"\r\n")
    assert physical[-1] == b""
    for number, piece in enumerate(physical[:-1]):
        assert len(piece) <= 75 and (number == 0 or piece.startswith(b" "))
        piece.decode("utf-8")
    event = icalendar.Event.from_ical(b"BEGIN:VEVENT\r\n" + data + b"END:VEVENT\r\n")
    expected = ical._CONTROLS.sub("", ical._NEWLINES.sub("\n", value))
    assert str(event["DESCRIPTION"]) == expected


def test_dates_and_moments():
    assert ical.date_value(dt.date(987, 1, 2)) == "09870102"
    paris = dt.timezone(dt.timedelta(hours=2))
    assert ical.utc_value(dt.datetime(2025, 6, 1, 12, 0, tzinfo=paris)) == "20250601T100000Z"


def test_chunks_join_small_pieces():
    chunks = list(ical.chunked([b"ab"] * 10, size=5))
    assert b"".join(chunks) == b"ab" * 10 and chunks[0] == b"ababab" and len(chunks) == 4
