"""Programmes in Etalab's national schema for aid schemes, schema-dispositif-aide v0.1.0
(https://github.com/etalab/schema-dispositif-aide, Licence Ouverte 2.0).

Generators of records, no HTTP here (the views stream them): `records(queryset)` yields one
dict per programme (JSON), `csv_rows(queryset)` the header then one row per programme (CSV,
the schema's own columns). The mapping, both ways, is documented in docs/data-formats.md ("Schéma
national des dispositifs d'aide"); `programmes.dispositif_aide.importing` reads these files back.

Only what the public pages show is exported: published programmes (the caller's queryset),
published organisations (`for_listing`), a published parent.
"""
import datetime
import json
import zoneinfo

from territories import codes as territory_codes

from ..models import Programme, ProgrammeActor

SCHEMA_VERSION = "0.1.0"
FIELDS = [
    "id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs", "programmes_parents",
    "url_source", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions", "date_ouverture",
    "date_cloture", "date_mise_a_jour",
]
PROMISE_MAX, DESCRIPTION_MAX = 180, 5000
LIST_SEPARATOR = "|"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")

# Our kind → the schema's `types_aides` (vocabulary of the schema's Grist table: assistance,
# avantage fiscal, conseil, étude, financement, formation, information, prêt).
KIND_TYPES = {
    Programme.Kind.FUNDING_CALL: "financement", Programme.Kind.AMI: "financement",
    Programme.Kind.COMPETITION: "financement", Programme.Kind.GRANT: "financement",
    Programme.Kind.EQUIPMENT: "financement", Programme.Kind.LOAN_EQUITY: "prêt",
    Programme.Kind.TECHNOPOLE: "conseil", Programme.Kind.SUPPORT: "conseil",
    Programme.Kind.STRATEGY: "information", Programme.Kind.EVENT: "information",
}
# Our audiences (slugs of programmes/data/audiences.csv) → the schema's four `cibles`.
AUDIENCE_TARGETS = {
    "startups-pme": "professionnels", "eti": "professionnels", "professionnels-sante": "professionnels",
    "etablissements-sante": "secteur public", "laboratoires": "secteur public", "universites": "secteur public",
    "collectivites": "secteur public", "associations": "associations", "etudiants": "particuliers",
}
TARGETS = ("professionnels", "particuliers", "associations", "secteur public")
# No audience given: the organisations this directory is written for (not individuals).
DEFAULT_TARGETS = ("professionnels", "associations", "secteur public")
# Our role → the schema's porteur role.
ROLE_NAMES = {ProgrammeActor.Role.RUNS: "instructeur", ProgrammeActor.Role.FUNDS: "financeur", ProgrammeActor.Role.PARTNER: "diffuseur"}
# Territories in their COG form (`territories.codes.cog_code`); France is the COG country code
# 99100. The COG has no code for the European Union: a European programme is open in France.
FRANCE = territory_codes.FRANCE
KIND_ORDER = territory_codes.KINDS  # the widest first
AUDIENCES_LINE = "Publics éligibles : "
AUDIENCES_UNKNOWN = "non précisés (voir la source)"
AUDIENCE_SEPARATOR = " ; "


cog_code = territory_codes.cog_code


def _unique(values):
    return list(dict.fromkeys(values))


def opening(day):
    return datetime.datetime.combine(day, datetime.time(0, 0), PARIS).isoformat() if day else None


def closing(day):
    # The deadline day is included: the scheme closes at its end, Paris time.
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), PARIS).isoformat() if day else None


def texts(programme):
    """(promesse, description): the summary is the promise when short enough, else it opens the
    description; a description is required, so the title stands in when there is no text at all."""
    summary, description = programme.summary.strip(), programme.description.strip()
    promise = summary if summary and len(summary) <= PROMISE_MAX else None
    if summary and promise is None:
        description = f"{summary}\n\n{description}".strip()
    description = description or summary or programme.title
    if len(description) > DESCRIPTION_MAX:
        description = description[:DESCRIPTION_MAX - 1].rstrip() + "…"
    return promise, description


def eligibility(audiences):
    names = AUDIENCE_SEPARATOR.join(audience.name for audience in audiences) or AUDIENCES_UNKNOWN
    return AUDIENCES_LINE + names


def targets(audiences):
    found = {AUDIENCE_TARGETS.get(audience.slug) for audience in audiences} - {None}
    return LIST_SEPARATOR.join([t for t in TARGETS if t in found] or DEFAULT_TARGETS)


def porteurs(roles):
    """One entry per organisation, its roles in our order (runs, funds, partner)."""
    entries = {}
    for link in roles:
        actor = link.actor
        entry = entries.setdefault(actor.pk, {"nom": actor.name, "siren": actor.siren or None, "roles": []})
        role = ROLE_NAMES[link.role]
        if role not in entry["roles"]:
            entry["roles"].append(role)
    return list(entries.values())


def record(programme):
    """The schema's record of one programme (from a `for_listing().with_family()` queryset)."""
    promise, description = texts(programme)
    audiences = sorted(programme.audiences.all(), key=lambda a: (a.position, a.slug))  # the editorial order
    territories = sorted(programme.territories.all(), key=lambda t: (KIND_ORDER.index(t.kind), t.insee_code))
    roles = sorted(programme.roles.all(), key=lambda link: (list(ROLE_NAMES).index(link.role), link.actor.name, link.actor.pk))
    return {
        "id": str(programme.uid),
        "titre": programme.title,
        "promesse": promise,
        "description": description,
        "eligibilite": eligibility(audiences),
        "types_aides": KIND_TYPES[programme.kind],
        "porteurs": porteurs(roles),
        "programmes_parents": programme.parent.title if programme.parent else None,
        "url_source": programme.website or None,
        "cibles": targets(audiences),
        "eligibilite_geographique": LIST_SEPARATOR.join(_unique(cog_code(t) for t in territories)) or FRANCE,
        "eligibilite_geographique_exclusions": None,
        "date_ouverture": opening(programme.opens_on),
        "date_cloture": closing(programme.deadline),
        "date_mise_a_jour": programme.updated_at.astimezone(datetime.UTC).isoformat(timespec="seconds"),
    }


def records(queryset, chunk_size=500):
    """One record per programme, in the queryset's order; read `chunk_size` rows (and their
    relations) at a time, so memory stays flat."""
    for programme in queryset.with_family().iterator(chunk_size=chunk_size):
        yield record(programme)


def csv_cells(item):
    """A record as the cells of a CSV row: the organisations as JSON text, missing values empty."""
    cells = []
    for name in FIELDS:
        value = item[name]
        if name == "porteurs":
            value = json.dumps(value, ensure_ascii=False)
        cells.append("" if value is None else value)
    return cells


def csv_rows(queryset):
    yield FIELDS
    for item in records(queryset):
        yield csv_cells(item)


def json_chunks(queryset):
    """The JSON document (an array of records), in pieces: never the whole list in memory."""
    yield "[\n"
    for index, item in enumerate(records(queryset)):
        yield ("" if index == 0 else ",\n") + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"
