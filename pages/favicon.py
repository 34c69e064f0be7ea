"""Draws static/favicon.ico: the logo mark (static/favicon.svg) as 32×32 pixels, PNG inside an ICO.

Run once when the mark changes (`python -m pages.favicon`); browsers that ask /favicon.ico get
this file, the others the SVG named in each page's <head>."""
import struct
import zlib
from pathlib import Path

SIZE = 32
BRAND, WHITE, ACCENT = (0x0B, 0x5D, 0x57, 255), (255, 255, 255, 255), (0xB4, 0x48, 0x0A, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y):
    """The mark on a 40-unit grid (as in favicon.svg), sampled at the pixel's centre."""
    u, v = (x + 0.5) * 40 / SIZE, (y + 0.5) * 40 / SIZE
    inside = 1 <= u <= 39 and 1 <= v <= 39
    corner = min(u - 1, 39 - u) < 10 and min(v - 1, 39 - v) < 10
    if not inside or (corner and (min(u - 1, 39 - u) - 10) ** 2 + (min(v - 1, 39 - v) - 10) ** 2 > 100):
        return CLEAR
    if (u - 28) ** 2 + (v - 12) ** 2 <= 16:
        return ACCENT
    if (16 <= u <= 24 and 8 <= v <= 32) or (8 <= u <= 32 and 16 <= v <= 24):
        return WHITE
    return BRAND


def png():
    raw = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico():
    image = png()
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + image


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"
    target.write_bytes(ico())
    print(target, target.stat().st_size, "bytes")
