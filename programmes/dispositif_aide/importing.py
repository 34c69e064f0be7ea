"""Importing files in Etalab's schema-dispositif-aide through the programme import.

Each record becomes a row of our own CSV (`programmes.exports.PROGRAMME_COLUMNS`), which the
programme importer then checks and writes exactly as an uploaded CSV (scope, duplicates,
preview, all or nothing, `services.save_programmes`). The mapping is the export's
(`programmes.dispositif_aide.export`) read backwards; docs/data-formats.md has the table.

A record's `id` is the programme's permanent identifier (`uid`): a known one updates that
programme. The schema says less than we store (no themes, amounts, contact…): an update keeps
what the schema cannot say, and every group of fields whose record value equals what we would
export ourselves keeps our own, finer value (a European programme exported as PAYS-99100 stays
European; a call stays a call rather than becoming a grant).
"""
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from core.csvfile import LIST_SEPARATOR
from core.imports import CREATE_ACTORS, Importer, ImportPlan, ImportProblem, Problem, check_rows, check_size
from core.text import fold
from territories.codes import format_code, resolve_code

from .. import parents
from ..exports import PROGRAMME_COLUMNS, programme_rows
from ..imports.programmes import ProgrammeReader, ProgrammeWriter
from ..models import Audience, Programme
from .export import (
    AUDIENCE_SEPARATOR,
    AUDIENCE_TARGETS,
    AUDIENCES_LINE,
    AUDIENCES_UNKNOWN,
    DEFAULT_TARGETS,
    FRANCE,
    ROLE_NAMES,
    record,
)
from .files import parse_day, parse_file, parse_porteurs, parse_uuid, split

# `types_aides` → our kind: the first of these values that the record lists decides.
TYPE_KINDS = {
    "prêt": Programme.Kind.LOAN_EQUITY, "financement": Programme.Kind.GRANT, "avantage fiscal": Programme.Kind.GRANT,
    "conseil": Programme.Kind.SUPPORT, "étude": Programme.Kind.SUPPORT, "formation": Programme.Kind.SUPPORT,
    "assistance": Programme.Kind.SUPPORT, "information": Programme.Kind.STRATEGY,
}
ROLES = {name: role for role, name in ROLE_NAMES.items()}
BATCH = 500
# A problem found by our CSV checks is reported on the schema's field.
FIELD_OF_COLUMN = {
    "slug": "titre", "title": "titre", "kind": "types_aides", "summary": "promesse", "territory_codes": "eligibilite_geographique",
    "actor_roles": "porteurs", "audience_slugs": "cibles", "website": "url_source", "opens_on": "date_ouverture",
    "deadline": "date_cloture", "parent": "programmes_parents",
}
# Groups of schema fields → the columns they give; an existing programme keeps its columns when
# the record's fields give what its own record gives.
GROUPS = (
    (("titre",), ("title",)), (("promesse", "description"), ("summary", "description")), (("types_aides",), ("kind",)),
    (("eligibilite", "cibles"), ("audiences", "audience_slugs")), (("porteurs",), ("actors", "actor_roles")),
    (("programmes_parents",), ("parent",)), (("url_source",), ("website",)),
    (("eligibilite_geographique",), ("territories", "territory_codes")), (("date_ouverture",), ("opens_on",)),
    (("date_cloture",), ("deadline",)),
)


class Invalid(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


class Converter:
    """Schema records → rows of our programme CSV, for one file and one importing user."""

    def __init__(self, reader, records):
        self.reader = reader
        self.uids = {}
        for line, item in records:
            try:
                self.uids[line] = parse_uuid(item["id"])
            except ValueError as exc:
                reader.problem(line, "id", str(exc))
        self.own = {}
        wanted = sorted(set(self.uids.values()))
        for start in range(0, len(wanted), BATCH):  # a bounded number of query parameters
            self.own.update(self._own_rows(wanted[start:start + BATCH]))
        self.slugs = {line: self._slug(line, item) for line, item in records if line in self.uids}
        self.file_titles = {item["titre"].strip(): self.slugs[line] for line, item in records if line in self.slugs}
        self.territories = reader.territories
        self.audiences = dict(Audience.objects.values_list("name", "slug"))
        self.known_audiences = set(self.audiences.values())
        self.actors = _actor_index(reader)
        self.stored_parents = {}

    @staticmethod
    def _own_rows(uids):
        """{uid: (our CSV row, our schema record)} of the programmes with these `uids`."""
        matched = Programme.objects.filter(uid__in=uids)
        rows = programme_rows(matched.order_by("id"))
        header = next(rows)
        by_slug = {row[0]: dict(zip(header, ("" if v is None else str(v) for v in row))) for row in rows}
        return {p.uid: (by_slug[p.slug], _normalised(record(p))) for p in matched.for_listing().with_family()}

    def _slug(self, line, item):
        uid = self.uids[line]
        if uid in self.own:
            return self.own[uid][0]["slug"]
        slug = slugify(item["titre"])[:300] or uid.hex
        # Another programme already has this slug: the record is not that programme.
        return f"{slug[:290]}-{uid.hex[:8]}" if slug in self.reader.existing else slug

    def row(self, line, item):
        """Our CSV row for the record, or None (its problems reported)."""
        if line not in self.uids:
            return None
        item = _normalised(item)
        own_row, own_record = self.own.get(self.uids[line], (None, None))
        # Every column the programme import reads, its optional ones included.
        row = dict.fromkeys([*PROGRAMME_COLUMNS, *getattr(self.reader, "optional_columns", ())], "") | (own_row or {})
        row["slug"] = self.slugs[line]
        failed = False
        for fields, _columns in GROUPS:
            if own_record is not None and all(item[f] == own_record[f] for f in fields):
                continue  # unchanged: our own value, finer than the schema's
            try:
                row.update(self.convert(fields[0], item, line))
            except Invalid as exc:
                self.reader.problem(line, exc.field, str(exc))
                failed = True
        if item["eligibilite_geographique_exclusions"]:
            self.warn(line, "eligibilite_geographique_exclusions", _("exclusions géographiques non gérées par l'annuaire : ignorées."))
        return None if failed else row

    def convert(self, field, item, line):
        method = getattr(self, f"convert_{field}")
        return method(item, line)

    def warn(self, line, field, message):
        self.reader.plan.warnings.append(Problem(line, field, message))

    def convert_titre(self, item, line):
        if not item["titre"]:
            raise Invalid("titre", _("le titre est obligatoire."))
        return {"title": item["titre"]}

    def convert_promesse(self, item, line):
        description = item["description"]
        if description in (item["titre"], item["promesse"]):
            description = ""  # a filler for the required field, not a description
        return {"summary": item["promesse"], "description": description}

    def convert_types_aides(self, item, line):
        types = split(item["types_aides"])
        kind = next((kind for name, kind in TYPE_KINDS.items() if name in types), None)
        if kind is None:
            self.warn(line, "types_aides", _("types d'aides inconnus « %(value)s » : « subvention / dispositif d'aide » retenu.") % {"value": item["types_aides"][:60]})
            kind = Programme.Kind.GRANT
        return {"kind": str(kind)}

    def convert_eligibilite(self, item, line):
        slugs = self._listed_audiences(item["eligibilite"])
        if slugs is None:
            targets = set(split(item["cibles"]))
            unknown = targets - set(AUDIENCE_TARGETS.values())
            if unknown:
                raise Invalid("cibles", _("cible inconnue « %(value)s » (professionnels, particuliers, associations, secteur public).") % {"value": sorted(unknown)[0][:40]})
            chosen = set() if targets == set(DEFAULT_TARGETS) else targets
            slugs = [slug for slug, target in AUDIENCE_TARGETS.items() if target in chosen and slug in self.known_audiences]
        return {"audience_slugs": LIST_SEPARATOR.join(slugs), "audiences": ""}

    def _listed_audiences(self, text):
        """The audiences of our own "Publics éligibles : …" line, when every name is known."""
        for part in text.splitlines():
            if part.startswith(AUDIENCES_LINE):
                listed = part[len(AUDIENCES_LINE):].strip()
                if listed == AUDIENCES_UNKNOWN:
                    return []
                names = [name.strip() for name in listed.split(AUDIENCE_SEPARATOR.strip()) if name.strip()]
                if names and all(name in self.audiences for name in names):
                    return [self.audiences[name] for name in names]
        return None

    def convert_porteurs(self, item, line):
        try:
            entries = parse_porteurs(item["porteurs"])
        except ValueError as exc:
            raise Invalid("porteurs", str(exc)) from None
        roles, names = [], []
        for entry in entries:
            slug = self.actors.match(entry)
            for name in entry["roles"] or ["instructeur"]:
                if name not in ROLES:
                    raise Invalid("porteurs", _("rôle inconnu « %(role)s » (instructeur, financeur, diffuseur).") % {"role": name[:40]})
                roles.append(f"{ROLES[name]}:{slug}")
                names.append(f"{entry['nom']} ({ROLES[name].label})")
        return {"actor_roles": LIST_SEPARATOR.join(roles), "actors": LIST_SEPARATOR.join(names)}

    def convert_programmes_parents(self, item, line):
        names = split(item["programmes_parents"])
        for extra in names[1:]:
            self.warn(line, "programmes_parents", _("un seul programme parent par fiche : « %(name)s » ignoré.") % {"name": extra[:60]})
        if not names:
            return {"parent": ""}
        slug = self.file_titles.get(names[0]) or self._stored_parent(names[0])
        if slug is None:
            self.warn(line, "programmes_parents", _("programme parent « %(name)s » absent de l'annuaire : non relié.") % {"name": names[0][:60]})
        return {"parent": slug or ""}

    def _stored_parent(self, title):
        if title not in self.stored_parents:  # many records name the same few parents
            found = parents.visible(self.reader, Programme.objects.filter(title=title)).order_by("id")
            self.stored_parents[title] = found.values_list("slug", flat=True).first()
        return self.stored_parents[title]

    def convert_url_source(self, item, line):
        return {"website": item["url_source"]}

    def convert_eligibilite_geographique(self, item, line):
        codes = []
        for code in split(item["eligibilite_geographique"]):
            try:
                codes.append(format_code(resolve_code("FR" if code == FRANCE else code, self.territories)))
            except ValidationError as exc:
                raise Invalid("eligibilite_geographique", " ".join(exc.messages)) from None
        return {"territory_codes": LIST_SEPARATOR.join(dict.fromkeys(codes)), "territories": ""}

    def convert_date_ouverture(self, item, line):
        return {"opens_on": self._day(item, "date_ouverture")}

    def convert_date_cloture(self, item, line):
        return {"deadline": self._day(item, "date_cloture")}

    @staticmethod
    def _day(item, field):
        try:
            day = parse_day(item[field])
        except ValueError as exc:
            raise Invalid(field, str(exc)) from None
        return day.isoformat() if day else ""


def _normalised(item):
    """Comparable values: texts stripped, missing ones empty, organisations parsed when readable."""
    values = {name: ("" if value is None else value.strip() if isinstance(value, str) else value) for name, value in item.items()}
    try:
        values["porteurs"] = parse_porteurs(values["porteurs"])
    except ValueError:
        pass  # reported by convert_porteurs
    return values


class _ActorIndex:
    def __init__(self, actors):
        self.by_siren, self.by_name = {}, {}
        for slug, name, acronym, siren in actors.values_list("slug", "name", "acronym", "siren"):
            if siren:
                self.by_siren.setdefault(siren, slug)
            for key in {fold(name), fold(acronym)} - {""}:
                self.by_name.setdefault(key, []).append(slug)

    def match(self, entry):
        """The slug of the organisation named (SIREN, else its one name or acronym), else a new slug."""
        if entry["siren"] in self.by_siren:
            return self.by_siren[entry["siren"]]
        same = self.by_name.get(fold(entry["nom"]), [])
        return same[0] if len(set(same)) == 1 else slugify(entry["nom"])[:200]


def _actor_index(reader):
    # An editor matches only published organisations: another one's draft stays unnamed.
    return _ActorIndex(Actor.objects.all() if reader.privileged else Actor.objects.published())


class DispositifReader(ProgrammeReader):
    @classmethod
    def plan(cls, data, *, max_rows=None, max_bytes=None, **options):
        plan = ImportPlan()
        try:
            check_size(data, max_bytes)
            records = parse_file(data)
            check_rows(len(records), max_rows)
        except ImportProblem as exc:
            plan.problems.append(exc.problem)
            return plan
        options.setdefault("user", None)
        reader = cls(plan, excel_fr=False, **options)
        reader.read_records(records)
        if plan.ok:
            reader.mark_unchanged()
        for problem in plan.problems + plan.warnings:
            problem.column = FIELD_OF_COLUMN.get(problem.column, problem.column)
        return plan

    def read_records(self, records):
        converter, seen, ids = Converter(self, records), {}, {}
        for line, item in records:
            row = converter.row(line, item)
            planned = self.read_row(line, row) if row is not None else None
            if planned is None:
                continue
            uid = converter.uids[line]
            if uid in ids:
                self.problem(line, "id", _("identifiant déjà donné ligne %(other)s.") % {"other": ids[uid]})
                continue
            ids[uid] = line
            if planned.existing is None:
                planned.values["uid"] = uid
            self.add(line, planned, seen)
        parents.check_file(self)


DISPOSITIFS = Importer("dispositifs", DispositifReader, ProgrammeWriter)
# Creating the organisations no porteur matches, as the programme import's variant does.
DISPOSITIFS_CREATING_ACTORS = DISPOSITIFS.variant(CREATE_ACTORS, create_actors=True)
