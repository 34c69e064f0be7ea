"""The map of the 18 regions: shapes shipped in data/regions-map.json, coloured by a count.

The shapes are built once by data/build_regions_map.py (see data/README.md); nothing is
fetched or computed from geography at run time. The colour says how many, in a few steps of
one ramp; the number itself is written on the region and in its link's name, so colour is
never the only carrier of the information.
"""
import json
import math
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SHAPES = Path(__file__).resolve().parent / "data" / "regions-map.json"
# Light to dark, one hue; step 0 (none) is a neutral grey. Text on steps 3–4 is white.
RAMP = ("#eef1f4", "#c6dbef", "#7fb1d9", "#2f75b5", "#0b3f73")
STEPS = len(RAMP) - 1
# Overseas regions are drawn as insets at the sides of the main map.
OVERSEAS = ("01", "02", "03", "04", "06")


@lru_cache(maxsize=1)
def shapes():
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def bounds(maximum):
    """Upper bounds of the non-zero steps, rising, the last one `maximum` (at most STEPS of them)."""
    if maximum <= 0:
        return []
    return sorted({max(1, math.ceil(maximum * k / STEPS)) for k in range(1, STEPS + 1)})


def step_of(count, upper_bounds):
    if count <= 0:
        return 0
    return 1 + next(i for i, bound in enumerate(upper_bounds) if count <= bound)


def legend(upper_bounds):
    """(colour, label) for each step in use: "0", then "1–2", "3"…"""
    items, low = [(RAMP[0], "0")], 1
    for i, high in enumerate(upper_bounds):
        items.append((RAMP[i + 1], str(high) if high == low else f"{low}–{high}"))
        low = high + 1
    return items


def region_items(regions, counts, href):
    """One dict per region (`regions`: (insee_code, name) pairs) for the map and its table.

    `counts`: {insee_code: count}; `href`: insee_code -> the address the region links to."""
    data = shapes()["regions"]
    upper = bounds(max(counts.values(), default=0))
    items = []
    for code, name in regions:
        count = counts.get(code, 0)
        step = step_of(count, upper)
        shape = data.get(code)
        items.append({
            "code": code, "name": name, "count": count, "href": href(code), "fill": RAMP[step],
            "dark": step >= 3, "shape": shape, "overseas": code in OVERSEAS,
            "label": _("%(region)s : %(count)s") % {
                "region": name, "count": ngettext("%(n)s programme ouvert", "%(n)s programmes ouverts", count) % {"n": count},
            },
        })
    return items, legend(upper)
