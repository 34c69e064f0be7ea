"""Programme CSV import: the columns of /programmes/export.csv, checked row by row
against the database and the user's scope, then written a chunk at a time through
`services.save_programmes`."""
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from core.csvfile import split_list, unprotect
from core.imports import Problem, RowPlan, TableReader, buffered, parse_amount, parse_date
from core.text import fold
from editorial import policy, revisions
from search.index import INDEX_FIELDS
from territories.codes import resolve_code
from territories.models import Territory

from .. import excel_fr, parents
from ..exports import PROGRAMME_COLUMNS
from ..models import Audience, Programme, ProgrammeActor, Theme
from ..services import ProgrammeInput, save_programmes
from ..status import Recurrence
from .named_entries import ActorIndex, NewReferences, References, actor_kind, first_names, may_create_actors
from .stored import mark_unchanged, stored_relations

AMOUNTS = {"total_budget_eur": "total_budget", "amount_min_eur": "amount_min", "amount_max_eur": "amount_max"}
DATES = ("opens_on", "deadline", "last_verified_on")
TEXTS = ("title", "summary", "description", "website", "contact_name", "contact_email", "source")
FIELD_TO_COLUMN = {field: column for column, field in AMOUNTS.items()}
# Computed once: the choices' `values` build a new list on every access.
KINDS, RECURRENCES, ROLES = (frozenset(choices.values) for choices in (Programme.Kind, Recurrence, ProgrammeActor.Role))
# Optional: the kinds of the organisations the import creates, in the order of `actor_roles` (empty: "other").
ACTOR_KINDS = "actor_kinds"
REQUIRED = ("slug", "title", "kind")  # docs/data-formats.md lists them
FIELDS = {**{name: name for name in (*TEXTS, *DATES, "kind", "recurrence")}, **AMOUNTS}  # column → field written
RELATIONS = {"territory_codes": "territories", "theme_slugs": "themes", "audience_slugs": "audiences", "actor_roles": "roles", "parent": "parent"}


def _name_of(labelled):
    """"Rennes Métropole (Porte / opère)" → "Rennes Métropole"."""
    return labelled.rsplit(" (", 1)[0] if labelled.endswith(")") else labelled


def _cells(cell):
    """A list cell split keeping its empty entries (so that it lines up with another list)."""
    return [part.strip() for part in cell.split("|")] if cell.strip() else []


class ProgrammeReader(TableReader):
    columns = REQUIRED
    optional_columns = (*(column for column in PROGRAMME_COLUMNS if column not in REQUIRED), ACTOR_KINDS)
    model = Programme

    def __init__(self, plan, *, user, excel_fr, create_actors=False):
        super().__init__(plan, user=user, excel_fr=excel_fr)
        self.privileged = user is None or policy.sees_everything(user)
        self.create_actors = create_actors and self.allows(user, create_actors=True)
        self.territories = Territory.objects.all().by_codes()
        self.actors = ActorIndex(user, privileged=self.privileged)
        self.themes, self.audiences = NewReferences(Theme), NewReferences(Audience)
        # The existing entries the file names (by slug or source URL), not the whole directory:
        # at 100,000 programmes loading every slug cost a second per import.
        self.existing = ExistingProgrammes()
        self.stored = {}  # {id: relations} of the entries updated, when the file lacks relation columns
        self.file_websites = {}
        # Titles by operator, fetched and folded only for the operators the file names.
        self.folded_operators = {}
        if not self.privileged:
            self.scope_ids = set(Programme.objects.editable_by(user).values_list("id", flat=True))
            self.own_actors = set(user.organisations.values_list("slug", flat=True))

    @classmethod
    def plan(cls, data, *, max_bytes=None, **options):
        """The French spreadsheet export (`?dialect=excel-fr`) is read as the standard file it
        stands for (`excel_fr.standard_csv`), its problems named by its own columns."""
        standard = excel_fr.standard_csv(data, max_bytes)
        plan = super().plan(standard, max_bytes=max_bytes, **options)
        return plan if standard is data else excel_fr.name_columns(plan)

    @classmethod
    def allows(cls, user, *, create_actors=False):
        """Creating organisations is for reviewers (and the command line) who may add them."""
        return not create_actors or ((user is None or policy.sees_everything(user)) and may_create_actors(user))

    def read_row(self, line, row):
        before = len(self.plan.problems)
        values = self.scalar_values(line, row)
        slug = row["slug"].strip() or slugify(row["title"])[:300]
        plan = RowPlan(line=line, slug=slug, values=values, existing=self.match(row, slug))
        plan.relations = {
            "territories": self.territory_list(line, row),
            "themes": self.reference_list(line, row, "theme_slugs", "themes", self.themes),
            "audiences": self.reference_list(line, row, "audience_slugs", "audiences", self.audiences),
            "roles": self.role_list(line, row),
            "parent": row["parent"].strip(),  # checked once the whole file is read (`parents.check_file`)
        }
        self.keep_relations(plan)
        self.check_scope(line, plan)
        self.check_instance(line, Programme(slug=plan.slug, **plan.values), exclude=INDEX_FIELDS, columns=FIELD_TO_COLUMN)
        if len(self.plan.problems) > before:
            return None
        self.keep_stored(plan, FIELDS)
        self.flag_duplicates(plan)
        return plan

    def read(self, header, reader):
        rows, replay = buffered(reader)
        self.existing.prefetch(header, rows)
        super().read(header, replay)
        parents.check_file(self)

    def mark_unchanged(self):
        mark_unchanged(self.plan.rows)

    def keep_relations(self, plan):
        """An update keeps as stored the relations whose columns the file lacks (none are cleared)."""
        kept = [RELATIONS[column] for column in self.absent & RELATIONS.keys()]
        if plan.existing is None or not kept:
            return
        if plan.existing.id not in self.stored:  # the first time: every entry the file names, at once
            ids = [pk for pk, _website in self.existing.by_slug.values() if pk not in self.stored]
            self.stored.update(stored_relations([*ids, plan.existing.id]))
        stored = self.stored.get(plan.existing.id, {})  # none: deleted meanwhile (the writer says so)
        plan.relations.update((name, stored[name]) for name in kept if name in stored)

    def scalar_values(self, line, row):
        values = {name: row[name].strip() if name != "description" else row[name] for name in TEXTS}
        if not values["title"]:
            self.problem(line, "title", _("le titre est obligatoire."))
        if row["kind"] not in KINDS:
            self.problem(line, "kind", _("type inconnu « %(value)s ».") % {"value": row["kind"][:40]})
        values["kind"] = row["kind"]
        values["recurrence"] = row["recurrence"] or Recurrence.ONE_OFF
        if values["recurrence"] not in RECURRENCES:
            self.problem(line, "recurrence", _("récurrence inconnue « %(value)s ».") % {"value": row["recurrence"][:40]})
        for column in DATES:
            values[column] = self.convert(line, column, row[column], parse_date)
        for column, field in AMOUNTS.items():
            values[field] = self.convert(line, column, row[column], lambda v: parse_amount(v, self.excel_fr))
        return values

    def match(self, row, slug):
        """An existing entry with this slug, else the only one with this source URL.

        The entry holds only its id, slug and source URL; the writer loads the rest a chunk at a time."""
        if slug not in self.existing:
            same_url = self.existing.with_website(row["website"].strip()) if row["website"].strip() else []
            if len(same_url) != 1:
                return None
            slug = same_url[0]
        pk, website = self.existing[slug]
        return Programme.from_db(None, ["id", "slug", "website"], (pk, slug, website))

    def territory_list(self, line, row):
        found = []
        for code in split_list(row["territory_codes"]):
            try:
                found.append(resolve_code(code, self.territories))
            except ValidationError as exc:
                self.problem(line, "territory_codes", exc.messages[0])
        return found

    def reference_list(self, line, row, slug_column, name_column, refs):
        slugs, names = split_list(row[slug_column]), split_list(row[name_column])
        names = names if len(names) == len(slugs) else slugs
        for slug, name in zip(slugs, names):
            if refs.known(slug):
                continue
            if not self.privileged:
                self.problem(line, slug_column, refs.unknown(slug, name) + " " + _("(un administrateur peut l'ajouter)"))
            elif message := refs.check(slug, name):
                self.problem(line, slug_column, message)
        return list(zip(slugs, names))

    def role_list(self, line, row):
        """[(role, actor slug, NewActor or None)]: each organisation named is found, or created when asked."""
        entries, names, kinds = split_list(row["actor_roles"]), split_list(row["actors"]), _cells(row[ACTOR_KINDS])
        names = names if len(names) == len(entries) else [""] * len(entries)
        kinds = kinds if len(kinds) == len(entries) else [""] * len(entries)
        roles = []
        for entry, label, kind in zip(entries, names, kinds):
            role, _sep, ref = entry.partition(":")
            ref, label = ref.strip(), _name_of(label).strip()
            if role not in ROLES or not ref:
                self.problem(line, "actor_roles", _("rôle invalide « %(entry)s » (attendu runs:, funds: ou partner:).") % {"entry": entry[:60]})
                continue
            found = self.actors.find(ref, label)
            if len(found) == 1:
                roles.append((role, found.pop(), None))
            elif found:
                self.problem(line, "actor_roles", _("« %(ref)s » désigne plusieurs organisations (%(slugs)s) : indiquez son identifiant.") % {
                    "ref": ref[:60], "slugs": ", ".join(sorted(found))})
            elif (new := self.new_actor(line, ref, label, kind)) is not None:
                roles.append((role, *new))
        return roles

    def new_actor(self, line, ref, label, kind):
        """(slug, NewActor) of an organisation to create, or None after saying why it cannot be."""
        if not self.create_actors:
            if self.privileged:
                message = _("organisation inconnue « %(ref)s » : cochez « Créer les organisations inconnues » (commande : --create-actors) pour la créer.")
            else:
                message = _("organisation inconnue « %(ref)s » : seul un relecteur peut créer une organisation.")
            self.problem(line, "actor_roles", message % {"ref": ref[:60]})
            return None
        try:
            kind = actor_kind(kind)
        except ValueError as exc:
            self.problem(line, ACTOR_KINDS, str(exc))
            return None
        try:
            slug, new, first = self.actors.plan_new(ref, label, kind)
        except ValueError as exc:
            self.problem(line, "actor_roles", str(exc))
            return None
        if first:
            self.plan.notices.append(Problem(line, "actor_roles", _("« %(name)s » (%(slug)s) sera créé, publié, de type « %(kind)s ».") % {
                "name": new.name[:60], "slug": slug, "kind": Actor.Kind(new.kind).label}))
        return slug, new

    def check_scope(self, line, plan):
        if self.privileged:
            return
        if plan.existing is not None and plan.existing.id not in self.scope_ids:
            if plan.existing.slug == plan.slug:
                self.problem(line, "slug", _("« %(slug)s » appartient à une autre organisation : vous ne pouvez pas la modifier.") % {"slug": plan.slug})
            else:  # matched by its source URL: the other organisation's entry stays unnamed
                self.problem(line, "website", _("une fiche d'une autre organisation a la même URL source : vous ne pouvez pas la modifier."))
        if not any(slug in self.own_actors for _role, slug, _new in plan.relations["roles"]):
            self.problem(line, "actor_roles", _("indiquez une de vos organisations dans un rôle."))
        if revisions.refuses_import(self.user, plan.existing):
            self.problem(line, "slug", revisions.LIVE_ENTRY_IMPORT % {"slug": plan.existing.slug})

    def flag_duplicates(self, plan):
        warn = self.plan.warnings.append
        if plan.existing is not None and plan.existing.slug != plan.slug:
            warn(Problem(plan.line, "website", _("même URL source que « %(slug)s » : cette fiche sera mise à jour.") % {"slug": plan.existing.slug}))
        for role, slug, _new in plan.relations["roles"]:
            other = self.operated_by(slug).get(fold(plan.values["title"])) if role == "runs" else None
            if other and other != plan.slug:
                warn(Problem(plan.line, "title", _("doublon possible de « %(slug)s » (même titre, même porteur).") % {"slug": other}))
        website = plan.values.get("website")  # none: an update without the column
        if website and website in self.file_websites:
            warn(Problem(plan.line, "website", _("doublon possible de la ligne %(line)s (même URL source).") % {"line": self.file_websites[website]}))
        elif website:
            self.file_websites[website] = plan.line

    def operated_by(self, actor):
        """{folded title: slug} of the programmes `actor` runs (the first one for a repeated title)."""
        if actor not in self.folded_operators:
            runners = ProgrammeActor.objects.filter(role="runs", actor__slug=actor).order_by("programme_id")
            if not self.privileged:  # duplicates are named only among the entries the user may see (reachable or public)
                runners = runners.filter(programme__in=policy.reachable(self.user, Programme.objects.all()) | Programme.objects.published())
            titles = {}
            for title, slug in runners.values_list("programme__title", "programme__slug"):
                titles.setdefault(fold(title), slug)
            self.folded_operators[actor] = titles
        return self.folded_operators[actor]


class ExistingProgrammes:
    """The existing programmes a file names, by slug and by source URL: (id, source URL) each.

    `prefetch` loads those of a whole file in a few queries; a key it did not foresee is
    fetched when asked, so answers never depend on the prefetch."""

    BATCH = 500  # values bound per query (SQLite's limit on parameters)

    def __init__(self):
        self.by_slug, self.by_website = {}, {}
        self.asked_slugs, self.asked_websites = set(), set()

    def prefetch(self, header, rows):
        column = {name: header.index(name) for name in ("slug", "title", "website") if name in header}
        slugs, websites = set(), set()
        for cells in rows:
            if len(cells) != len(header):
                continue
            values = {name: unprotect(cells[index]).strip() for name, index in column.items()}
            slugs.update(filter(None, [values.get("slug"), slugify(values.get("title", ""))[:300]]))
            websites.add(values.get("website", ""))
        self._load(slugs=slugs - {""}, websites=websites - {""})

    def _load(self, *, slugs=(), websites=()):
        slugs, websites = set(slugs) - self.asked_slugs, set(websites) - self.asked_websites
        self.asked_slugs |= slugs
        self.asked_websites |= websites
        for field, values in (("slug", sorted(slugs)), ("website", sorted(websites))):
            for start in range(0, len(values), self.BATCH):
                found = Programme.objects.order_by().filter(**{f"{field}__in": values[start:start + self.BATCH]})
                for pk, slug, website in found.values_list("id", "slug", "website"):
                    self._add(pk, slug, website)

    def _add(self, pk, slug, website):
        if slug in self.by_slug:
            return
        self.by_slug[slug] = (pk, website)
        if website:
            self.by_website.setdefault(website, []).append(slug)

    def __contains__(self, slug):
        self._load(slugs=[slug])
        return slug in self.by_slug

    def __getitem__(self, slug):
        self._load(slugs=[slug])
        return self.by_slug[slug]

    def with_website(self, website):
        """The slugs of every existing programme with this source URL."""
        self._load(websites=[website])
        return self.by_website.get(website, [])


class ProgrammeWriter:
    """Writes checked rows a chunk at a time through `services.save_programmes`."""

    model = Programme

    def __init__(self, *, user=None, publish=False):
        self.user, self.publish = user, publish
        self.reason = _("Import CSV")
        self.refs = References(user)

    def __call__(self, row):
        return self.write_chunk([row])

    def write_chunk(self, rows):
        for model, key in ((Theme, "themes"), (Audience, "audiences")):
            self.refs.fetch(model, first_names((slug, name) for row in rows for slug, name in row.relations[key]))
        self.refs.fetch(Actor, first_names((slug, new) for row in rows for _role, slug, new in row.relations["roles"]))
        save = lambda items: save_programmes(items=items, user=self.user, reason=self.reason, publish=self.publish)  # noqa: E731
        return parents.save_by_generation(rows, self.item, save)

    def item(self, row):
        relations, get = row.relations, self.refs.get
        return ProgrammeInput(
            slug=row.slug, values=row.values, entry_id=row.existing.id if row.existing is not None else None,
            territories={territory.id for territory in relations["territories"]},
            themes={get(Theme, slug).id for slug, _name in relations["themes"]},
            audiences={get(Audience, slug).id for slug, _name in relations["audiences"]},
            roles={(get(Actor, slug).id, role) for role, slug, _new in relations["roles"]},
        )
