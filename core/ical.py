"""iCalendar (RFC 5545) content lines, written by hand: TEXT escaping, line folding, dates.

Hand-written rather than built with the `icalendar` package: a calendar of a whole listing is
streamed event by event, and `icalendar` spends about 300 µs building each event's objects (a
minute for 100,000 programmes) where these few functions take a few µs. The tests read the
output back with `icalendar`'s parser.
"""
import re
from datetime import UTC, timedelta

# Content lines are at most 75 octets, CRLF excluded (§3.1).
LINE_OCTETS = 75
# Pieces handed to the HTTP server: one per event would be thousands of tiny writes.
CHUNK_OCTETS = 64 * 1024

# Every line break (Python's `splitlines` and parsers that use it see these too) becomes "\n".
_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# TEXT may hold no other control character but HTAB (§3.3.11); a lone surrogate has no UTF-8.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\ud800-\udfff]")


def text(value):
    """`value` as a TEXT property value: backslash, semicolon, comma and line breaks escaped."""
    value = _CONTROLS.sub("", _NEWLINES.sub("\n", str(value)))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def date_value(day):
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def utc_value(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def line(name, value):
    """One content line, folded and CRLF-terminated, as bytes. `value` is already escaped.

    Folded at 75 octets, continuation lines starting with a space (so 74 octets of content),
    never inside a UTF-8 sequence: a cut é would be invalid UTF-8 on both lines."""
    data = f"{name}:{value}".encode()
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    parts, start, room = [], 0, LINE_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # a continuation byte: step back
            end -= 1
        parts.append(data[start:end])
        start, room = end, LINE_OCTETS - 1
    return b"\r\n ".join(parts) + b"\r\n"


def all_day_event(*, uid, day, stamp, summary, description, url):
    """A VEVENT on `day` (all day: DTEND is the next day, exclusive), free time (TRANSP)."""
    return b"".join([
        b"BEGIN:VEVENT\r\n",
        line("UID", text(uid)),
        line("DTSTAMP", utc_value(stamp)),
        line("LAST-MODIFIED", utc_value(stamp)),
        line("DTSTART;VALUE=DATE", date_value(day)),
        line("DTEND;VALUE=DATE", date_value(day + timedelta(days=1))),
        line("SUMMARY", text(summary)),
        line("DESCRIPTION", text(description)),
        line("URL", url),
        b"TRANSP:TRANSPARENT\r\n",
        b"END:VEVENT\r\n",
    ])


def chunked(pieces, size=CHUNK_OCTETS):
    """The byte strings `pieces`, joined into chunks of about `size` octets."""
    buffer, length = [], 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)
