"""Build regions-map.json (region outlines as SVG path data) from pygal_maps_fr's departments map.

Run once, by hand, when the source changes; the site reads only the JSON (nothing at run time):

    pip download --no-deps pygal_maps_fr==1.1.0 -d /tmp/pmf && unzip -o /tmp/pmf/*.whl -d /tmp/pmf
    python territories/data/build_regions_map.py /tmp/pmf/pygal_maps_fr/fr.departments.svg

Each department's outline is made absolute, its curves reduced to their end points and its
coordinates rounded to whole units of the 2000-unit-wide drawing (about 0.3 px on screen), then
written as relative moves between those rounded points (no drift). Departments are grouped under
their current region (territories.csv): a region's shape ("d") is its departments' outlines and its
border ("outline") the segments its departments do not share, so inner borders are not drawn.
The Paris close-up inset and Saint-Pierre-et-Miquelon (not a region) are left out.
"""
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = "{http://www.w3.org/2000/svg}"
TOKEN = re.compile(r"[MmLlCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
ARITY = {"m": 2, "l": 2, "c": 6, "z": 0}


def department_regions():
    with open(HERE / "territories.csv", encoding="utf-8") as handle:
        return {row["insee_code"]: row["parents"].split(":")[1] for row in csv.DictReader(handle) if row["kind"] == "department"}


def absolute_rings(d, offset):
    """The path's sub-paths as lists of absolute end points (curves kept as their end points)."""
    rings, ring, x, y, command = [], [], 0.0, 0.0, None
    tokens = TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            if command in "zZ":
                rings.append(ring) if ring else None
                ring = []
                continue
        lower = command.lower()
        values = [float(v) for v in tokens[i:i + ARITY[lower]]]
        i += ARITY[lower]
        dx, dy = values[-2], values[-1]
        x, y = (x + dx, y + dy) if command.islower() else (dx, dy)
        if lower == "m":
            if ring:
                rings.append(ring)
            ring = []
            command = "l" if command == "m" else "L"  # implicit line-tos after a move
        ring.append((round(x + offset[0]), round(y + offset[1])))
    if ring:
        rings.append(ring)
    return rings


def path_data(rings):
    parts, last = [], (0, 0)
    for ring in rings:
        points = [p for k, p in enumerate(ring) if k == 0 or p != ring[k - 1]]
        if len(points) < 3:
            continue
        first = points[0]
        moves = [f"m{first[0] - last[0]} {first[1] - last[1]}"]
        moves += [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
        parts.append(moves[0] + "l" + " ".join(moves[1:]) + "z")
        last = first  # after z the current point is the sub-path's start
    return "".join(parts)


def group_offset(group):
    numbers = re.findall(r"-?[\d.]+", group.get("transform", ""))
    return (float(numbers[0]), float(numbers[1])) if numbers else (0.0, 0.0)


def outline_data(rings):
    """The region's border only: the segments no two of its departments share, as polylines."""
    clean = [[p for k, p in enumerate(ring) if k == 0 or p != ring[k - 1]] for ring in rings]
    seen = {}
    for ring in clean:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            key = frozenset((a, b))
            seen[key] = seen.get(key, 0) + 1
    runs, last = [], (0, 0)
    for ring in clean:
        run = []
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if seen[frozenset((a, b))] == 1:
                run = run or [a]
                run.append(b)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    parts = []
    for run in runs:
        steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(run, run[1:]))
        parts.append(f"m{run[0][0] - last[0]} {run[0][1] - last[1]}l{steps}")
        last = run[-1]
    return "".join(parts)


def label_point(rings):
    """Where the region's count is written: the middle of its bounding box."""
    xs, ys = [x for ring in rings for x, _y in ring], [y for ring in rings for _x, y in ring]
    return [(min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2]


def build(source):
    root = ET.parse(source).getroot()
    regions = department_regions()
    paths = {}
    for layer in root.findall(f"{SVG}g"):
        if layer.get("id") == "paris-petite-couronne":
            continue  # a close-up of Paris, drawn again: Île-de-France is whole on the main map
        offset = group_offset(layer)
        for group in layer.iter(f"{SVG}g"):
            classes = group.get("class", "").split()
            if "departement" not in classes or classes[0][1:] not in regions:
                continue  # 975 Saint-Pierre-et-Miquelon is not a region
            for path in group.iter(f"{SVG}path"):
                paths.setdefault(regions[classes[0][1:]], []).extend(absolute_rings(path.get("d"), offset))
    return {
        "source": "pygal_maps_fr 1.1.0 (PyPI), fr.departments.svg, LGPL-3.0-or-later",
        "viewBox": root.get("viewBox"),
        "regions": {code: {"d": path_data(rings), "outline": outline_data(rings), "label": label_point(rings)} for code, rings in sorted(paths.items())},
    }


if __name__ == "__main__":
    data = build(sys.argv[1])
    (HERE / "regions-map.json").write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(len(data["regions"]), "regions")
