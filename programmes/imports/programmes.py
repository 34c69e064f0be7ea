"""Programme CSV import: the columns of /programmes/export.csv, checked row by row
against the database and the user's scope, then written a chunk at a time through
`services.save_programmes`."""
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.services import refresh_search as refresh_actor_search
from core.csvfile import split_list
from core.imports import Problem, RowPlan, TableReader, parse_amount, parse_date
from core.text import fold
from editorial import policy
from editorial.models import PublicationState
from search.index import INDEX_FIELDS
from territories.models import Territory

from ..exports import PROGRAMME_COLUMNS
from ..models import Audience, Programme, ProgrammeActor, Theme
from ..services import ProgrammeInput, save_programmes
from ..status import Recurrence

AMOUNTS = {"total_budget_eur": "total_budget", "amount_min_eur": "amount_min", "amount_max_eur": "amount_max"}
DATES = ("opens_on", "deadline", "last_verified_on")
TEXTS = ("title", "summary", "description", "website", "contact_name", "contact_email", "source")
FIELD_TO_COLUMN = {field: column for column, field in AMOUNTS.items()}
# Computed once: the choices' `values` build a new list on every access.
KINDS, RECURRENCES, ROLES = (frozenset(choices.values) for choices in (Programme.Kind, Recurrence, ProgrammeActor.Role))


def _name_of(labelled):
    """"Rennes Métropole (Porte / opère)" → "Rennes Métropole"."""
    return labelled.rsplit(" (", 1)[0] if labelled.endswith(")") else labelled


class ProgrammeReader(TableReader):
    columns = PROGRAMME_COLUMNS
    model = Programme

    def __init__(self, plan, *, user, excel_fr):
        super().__init__(plan, user=user, excel_fr=excel_fr)
        self.privileged = user is None or policy.sees_everything(user)
        self.territories = Territory.objects.all().by_codes()
        self.actors = set(Actor.objects.values_list("slug", flat=True))
        self.themes = set(Theme.objects.values_list("slug", flat=True))
        self.audiences = set(Audience.objects.values_list("slug", flat=True))
        # Only what matching needs (id, slug, source URL): at 100,000 entries, whole rows cost seconds.
        self.existing, self.by_website = {}, {}
        for pk, slug, website in Programme.objects.order_by().values_list("id", "slug", "website"):
            self.existing[slug] = (pk, website)
            if website:
                self.by_website.setdefault(website, []).append(slug)
        self.file_websites = {}
        # Titles by operator, folded only for the operators the file names (100,000 folds cost a second).
        self.operators, self.folded_operators = {}, {}
        runners = ProgrammeActor.objects.filter(role="runs").order_by()
        if not self.privileged:  # duplicates are named only among the entries the user may see (reachable or public)
            runners = runners.filter(programme__in=policy.reachable(user, Programme.objects.all()) | Programme.objects.published())
        for slug, title, actor in runners.values_list("programme__slug", "programme__title", "actor__slug"):
            self.operators.setdefault(actor, []).append((title, slug))
        if not self.privileged:
            self.scope_ids = set(Programme.objects.editable_by(user).values_list("id", flat=True))
            self.own_actors = set(user.organisations.values_list("slug", flat=True))

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
        }
        self.check_scope(line, plan)
        self.check_instance(line, Programme(slug=plan.slug, **plan.values), exclude=INDEX_FIELDS, columns=FIELD_TO_COLUMN)
        if len(self.plan.problems) > before:
            return None
        self.flag_duplicates(plan)
        return plan

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
            same_url = self.by_website.get(row["website"].strip(), []) if row["website"].strip() else []
            if len(same_url) != 1:
                return None
            slug = same_url[0]
        pk, website = self.existing[slug]
        return Programme.from_db(None, ["id", "slug", "website"], (pk, slug, website))

    def territory_list(self, line, row):
        found = []
        for code in split_list(row["territory_codes"]):
            if code in self.territories:
                found.append(self.territories[code])
            else:
                self.problem(line, "territory_codes", _("territoire inconnu « %(code)s » (attendu par ex. region:53).") % {"code": code[:40]})
        return found

    def reference_list(self, line, row, slug_column, name_column, known):
        slugs, names = split_list(row[slug_column]), split_list(row[name_column])
        names = names if len(names) == len(slugs) else slugs
        for slug in slugs:
            if slug not in known and not self.privileged:
                self.problem(line, slug_column, _("valeur inconnue « %(slug)s » : demandez à un administrateur de l'ajouter.") % {"slug": slug[:40]})
        return list(zip(slugs, names))

    def role_list(self, line, row):
        entries, names = split_list(row["actor_roles"]), split_list(row["actors"])
        names = names if len(names) == len(entries) else [""] * len(entries)
        roles = []
        for entry, label in zip(entries, names):
            role, _sep, slug = entry.partition(":")
            if role not in ROLES or not slug:
                self.problem(line, "actor_roles", _("rôle invalide « %(entry)s » (attendu runs:, funds: ou partner:).") % {"entry": entry[:60]})
            elif slug not in self.actors and not self.privileged:
                self.problem(line, "actor_roles", _("acteur inconnu « %(slug)s ».") % {"slug": slug[:60]})
            else:
                roles.append((role, slug, _name_of(label) or slug))
        return roles

    def check_scope(self, line, plan):
        if self.privileged:
            return
        if plan.existing is not None and plan.existing.id not in self.scope_ids:
            if plan.existing.slug == plan.slug:
                self.problem(line, "slug", _("« %(slug)s » appartient à une autre organisation : vous ne pouvez pas la modifier.") % {"slug": plan.slug})
            else:  # matched by its source URL: the other organisation's entry stays unnamed
                self.problem(line, "website", _("une fiche d'une autre organisation a la même URL source : vous ne pouvez pas la modifier."))
        if not any(slug in self.own_actors for _role, slug, _name in plan.relations["roles"]):
            self.problem(line, "actor_roles", _("indiquez une de vos organisations dans un rôle."))

    def flag_duplicates(self, plan):
        warn = self.plan.warnings.append
        if plan.existing is not None and plan.existing.slug != plan.slug:
            warn(Problem(plan.line, "website", _("même URL source que « %(slug)s » : cette fiche sera mise à jour.") % {"slug": plan.existing.slug}))
        for role, slug, _name in plan.relations["roles"]:
            other = self.operated_by(slug).get(fold(plan.values["title"])) if role == "runs" else None
            if other and other != plan.slug:
                warn(Problem(plan.line, "title", _("doublon possible de « %(slug)s » (même titre, même porteur).") % {"slug": other}))
        website = plan.values["website"]
        if website and website in self.file_websites:
            warn(Problem(plan.line, "website", _("doublon possible de la ligne %(line)s (même URL source).") % {"line": self.file_websites[website]}))
        elif website:
            self.file_websites[website] = plan.line

    def operated_by(self, actor):
        """{folded title: slug} of the programmes `actor` runs (the first one for a repeated title)."""
        if actor not in self.folded_operators:
            titles = {}
            for title, slug in self.operators.get(actor, ()):
                titles.setdefault(fold(title), slug)
            self.folded_operators[actor] = titles
        return self.folded_operators[actor]


def _first_names(pairs):
    """{slug: name}, the first name given to a slug winning (as when rows are written one by one)."""
    names = {}
    for slug, name in pairs:
        names.setdefault(slug, name)
    return names


class References:
    """Themes, audiences and actors by slug, fetched or created once per import.

    Unknown slugs only reach here from privileged imports (the plan refuses them
    for editors): new actors are drafts for a reviewer to complete."""

    DEFAULTS = {Actor: {"kind": Actor.Kind.OTHER, "publication_state": PublicationState.DRAFT}}

    def __init__(self):
        self.cache = {}

    def fetch(self, model, wanted):
        """Fetch the `wanted` ({slug: name}) not seen yet in one query; create the missing ones."""
        missing = [slug for slug in wanted if (model, slug) not in self.cache]
        if not missing:
            return
        for item in model.objects.filter(slug__in=missing):
            self.cache[model, item.slug] = item
        for slug in missing:
            self.get(model, slug, wanted[slug])

    def get(self, model, slug, name):
        key = (model, slug)
        if key not in self.cache:
            defaults = {"name": name or slug, **self.DEFAULTS.get(model, {})}
            self.cache[key], created = model.objects.get_or_create(slug=slug, defaults=defaults)
            if created and model is Actor:
                refresh_actor_search([self.cache[key].id])
        return self.cache[key]


class ProgrammeWriter:
    """Writes checked rows a chunk at a time through `services.save_programmes`."""

    model = Programme

    def __init__(self, *, user=None, publish=False):
        self.user, self.publish = user, publish
        self.reason = _("Import CSV")
        self.refs = References()

    def __call__(self, row):
        return self.write_chunk([row])

    def write_chunk(self, rows):
        for model, key in ((Theme, "themes"), (Audience, "audiences")):
            self.refs.fetch(model, _first_names((slug, name) for row in rows for slug, name in row.relations[key]))
        self.refs.fetch(Actor, _first_names((slug, name) for row in rows for _role, slug, name in row.relations["roles"]))
        items = [self.item(row) for row in rows]
        return save_programmes(items=items, user=self.user, reason=self.reason, publish=self.publish)

    def item(self, row):
        relations, get = row.relations, self.refs.get
        return ProgrammeInput(
            slug=row.slug, values=row.values, entry_id=row.existing.id if row.existing is not None else None,
            territories={territory.id for territory in relations["territories"]},
            themes={get(Theme, slug, name).id for slug, name in relations["themes"]},
            audiences={get(Audience, slug, name).id for slug, name in relations["audiences"]},
            roles={(get(Actor, slug, name).id, role) for role, slug, name in relations["roles"]},
        )
