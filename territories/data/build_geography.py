"""Build `geography.csv.gz` from Etalab's `@etalab/decoupage-administratif` (see README.md).

Run once per COG vintage: the directory never reads the npm package at run time. The hand-kept
`territories.csv` gives the rows above the departments and the slugs already in use (Europe,
France, regions, departments, the first métropoles), so their URLs stay.

    python territories/data/build_geography.py /tmp/geo/package/data

Output rows, parents before children: kind, insee_code, name, slug, parents (`kind:code`,
space-separated), postal_codes (space-separated), population, former_codes (a commune's codes
before a merger, space-separated). An EPCI or EPT sits under the smallest territory wholly
containing its communes (its department, else its region, else France), so that the closure
never says it is inside a department it only overlaps.
"""
import csv
import gzip
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "geography.csv.gz"
COLUMNS = ["kind", "insee_code", "name", "slug", "parents", "postal_codes", "population", "former_codes"]


def slugify(text):
    """Django's `slugify` (same regular expressions), without importing Django."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def load(folder, name):
    return json.loads((Path(folder) / f"{name}.json").read_text(encoding="utf-8"))


def hand_kept():
    with (HERE / "territories.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Builder:
    def __init__(self, folder):
        self.communes = [c for c in load(folder, "communes") if c["type"] == "commune-actuelle"]
        self.by_code = {c["code"]: c for c in self.communes}
        self.epcis, self.epts = load(folder, "epci"), load(folder, "ept")
        self.departments, self.regions = load(folder, "departements"), load(folder, "regions")
        self.kept = hand_kept()
        self.slugs = {(row["kind"], row["insee_code"]): row["slug"] for row in self.kept}
        self.rows, self.used = [], set(self.slugs.values())
        self.population = Counter()
        self.collectivities = {d["code"] for d in self.departments if d["zone"] == "com"}

    def area(self, code):
        """The department (or overseas collectivity) of a commune, as `kind:code`."""
        department = self.by_code[code]["departement"]
        return f"collectivity:{department}" if department in self.collectivities else f"department:{department}"

    def slug(self, kind, code, name, prefix=True):
        if (kind, code) in self.slugs:
            return self.slugs[kind, code]
        slug = f"{code.lower()}-{slugify(name)}" if prefix else slugify(name)
        if slug in self.used:
            slug = f"{slug}-{code.lower()}"
        self.used.add(slug)
        return slug

    def add(self, kind, code, name, parents, *, slug=None, postal="", former=""):
        self.rows.append({
            "kind": kind, "insee_code": code, "name": name, "slug": slug or self.slug(kind, code, name),
            "parents": " ".join(parents), "postal_codes": postal, "population": self.population.get(f"{kind}:{code}", ""),
            "former_codes": former,
        })

    def build(self):
        groups = self.group_members()
        for commune in self.communes:
            pop = commune.get("population", 0)
            for key in {f"commune:{commune['code']}", self.area(commune["code"]), *self.ancestors_of(commune)} | groups[commune["code"]]:
                self.population[key] += pop
        for row in self.kept:
            if row["kind"] in ("continent", "country", "region", "department"):
                self.add(row["kind"], row["insee_code"], row["name"], row["parents"].replace(" | ", " ").split(), slug=row["slug"])
        for department in self.departments:
            if department["code"] in self.collectivities:
                self.add("collectivity", department["code"], department["nom"], ["country:FR"])
        for kind, items in (("epci", self.epcis), ("ept", self.epts)):
            for item in sorted(items, key=lambda i: i["code"]):
                self.add(kind, item["code"], item["nom"], self.container(kind, item), slug=self.slug(kind, item["code"], item["nom"], prefix=False))
        for commune in sorted(self.communes, key=lambda c: c["code"]):
            parents = [self.area(commune["code"]), *sorted(groups[commune["code"]])]
            self.add("commune", commune["code"], commune["nom"], parents, postal=" ".join(sorted(set(commune.get("codesPostaux", [])))),
                     former=" ".join(commune.get("anciensCodes", [])))
        return self.rows

    def ancestors_of(self, commune):
        if commune["departement"] in self.collectivities:
            return set()
        return {f"region:{commune['region']}", "country:FR"}

    def group_members(self):
        """{commune code: {"epci:…", "ept:…"}}; a commune in two EPCIs stops the build."""
        groups = defaultdict(set)
        for kind, items in (("epci", self.epcis), ("ept", self.epts)):
            for item in items:
                for member in item["membres"]:
                    if kind == "epci" and any(g.startswith("epci:") for g in groups[member["code"]]):
                        raise SystemExit(f"commune {member['code']} in two EPCIs")
                    groups[member["code"]].add(f"{kind}:{item['code']}")
        return groups

    def container(self, kind, item):
        """The smallest territory wholly containing the group's communes (for an EPT, its EPCI too)."""
        members = [self.by_code[m["code"]] for m in item["membres"]]
        parents = []
        if kind == "ept":
            epcis = {g for m in members for g in self.group_members_of(m["code"])}
            parents += sorted(epcis) if len(epcis) == 1 else []
        areas = {self.area(m["code"]) for m in members}
        regions = {m["region"] for m in members}
        if len(areas) == 1:
            parents.append(areas.pop())
        elif len(regions) == 1:
            parents.append(f"region:{regions.pop()}")
        else:
            parents.append("country:FR")
        return parents

    def group_members_of(self, code):
        return {f"epci:{e['code']}" for e in self.epcis if any(m["code"] == code for m in e["membres"])}


def write(rows):
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # mtime=0: the same data gives the same bytes (a rebuild shows no spurious diff).
    with gzip.GzipFile(OUTPUT, "wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.getvalue().encode("utf-8"))


if __name__ == "__main__":
    built = Builder(sys.argv[1]).build()
    write(built)
    print(f"{len(built)} territories → {OUTPUT.name} ({OUTPUT.stat().st_size // 1024} KB)", Counter(r["kind"] for r in built))
