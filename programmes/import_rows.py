"""Validating half of the programme CSV import: each row against the database and the user's scope."""
import csv

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor, Territory
from actors.permissions import sees_everything
from actors.text import fold

from .import_parsing import (
    ImportPlan,
    ImportProblem,
    Problem,
    RowPlan,
    parse_amount,
    parse_date,
    read_rows,
    split_list,
    unneutralise,
)
from .models import Audience, Programme, ProgrammeActor, Theme
from .permissions import programmes_in_scope
from .status import Recurrence

AMOUNTS = {"total_budget_eur": "total_budget", "amount_min_eur": "amount_min", "amount_max_eur": "amount_max"}
DATES = ("opens_on", "deadline", "last_verified_on")
TEXTS = ("title", "summary", "description", "website", "contact_name", "contact_email", "source")
FIELD_TO_COLUMN = {field: column for column, field in AMOUNTS.items()}


def plan_import(data, *, user=None):
    """Read and validate `data` (bytes) for `user` (None: command line, full rights)."""
    plan = ImportPlan()
    try:
        header, reader, excel_fr = read_rows(data)
    except ImportProblem as exc:
        plan.problems.append(exc.problem)
        return plan
    RowReader(plan, user=user, excel_fr=excel_fr).read(header, reader)
    return plan


def _name_of(labelled):
    """"Rennes Métropole (Porte / opère)" → "Rennes Métropole"."""
    return labelled.rsplit(" (", 1)[0] if labelled.endswith(")") else labelled


class RowReader:
    def __init__(self, plan, *, user, excel_fr):
        self.plan, self.user, self.excel_fr = plan, user, excel_fr
        self.privileged = user is None or sees_everything(user)
        self.territories = {f"{t.kind}:{t.insee_code}": t for t in Territory.objects.all()}
        self.actors = set(Actor.objects.values_list("slug", flat=True))
        self.themes = set(Theme.objects.values_list("slug", flat=True))
        self.audiences = set(Audience.objects.values_list("slug", flat=True))
        self.existing = Programme.objects.in_bulk(field_name="slug")
        self.by_website = {}
        for programme in self.existing.values():
            if programme.website:
                self.by_website.setdefault(programme.website, []).append(programme)
        self.file_websites = {}
        self.operators = {}
        for slug, title, actor in ProgrammeActor.objects.filter(role="runs").values_list("programme__slug", "programme__title", "actor__slug"):
            self.operators.setdefault((fold(title), actor), slug)
        if not self.privileged:
            self.scope_ids = set(programmes_in_scope(user).values_list("id", flat=True))
            self.own_actors = set(user.organisations.values_list("slug", flat=True))

    def problem(self, line, column, message):
        # One message per cell: the model's own check would repeat ours.
        if not any(p.line == line and p.column == column for p in self.plan.problems[-10:]):
            self.plan.problems.append(Problem(line, column, message))

    def read(self, header, reader):
        seen = {}
        line = 1
        try:
            for line, cells in enumerate(reader, start=2):
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(header):
                    self.problem(line, "", _("%(found)s colonnes au lieu de %(expected)s.") % {"found": len(cells), "expected": len(header)})
                    continue
                row = self.read_row(line, dict(zip(header, (unneutralise(c) for c in cells))))
                if row and row.slug in seen:
                    self.problem(line, "slug", _("« %(slug)s » figure déjà ligne %(other)s.") % {"slug": row.slug, "other": seen[row.slug]})
                elif row:
                    seen[row.slug] = line
        except csv.Error as exc:
            self.problem(line + 1, "", _("CSV illisible : %(error)s") % {"error": exc})

    def read_row(self, line, row):
        before = len(self.plan.problems)
        values = self.scalar_values(line, row)
        slug = row["slug"].strip() or slugify(row["title"])[:300]
        plan = RowPlan(line=line, slug=slug, values=values)
        plan.existing = self.match(row, slug)
        plan.territories = self.territory_list(line, row)
        plan.themes = self.reference_list(line, row, "theme_slugs", "themes", self.themes)
        plan.audiences = self.reference_list(line, row, "audience_slugs", "audiences", self.audiences)
        plan.roles = self.role_list(line, row)
        self.check_scope(line, plan)
        self.check_model(line, plan)
        if len(self.plan.problems) > before:
            return None
        self.flag_duplicates(plan)
        self.plan.rows.append(plan)
        return plan

    def scalar_values(self, line, row):
        values = {name: row[name].strip() if name != "description" else row[name] for name in TEXTS}
        if not values["title"]:
            self.problem(line, "title", _("le titre est obligatoire."))
        if row["kind"] not in Programme.Kind.values:
            self.problem(line, "kind", _("type inconnu « %(value)s ».") % {"value": row["kind"][:40]})
        values["kind"] = row["kind"]
        values["recurrence"] = row["recurrence"] or Recurrence.ONE_OFF
        if values["recurrence"] not in Recurrence.values:
            self.problem(line, "recurrence", _("récurrence inconnue « %(value)s ».") % {"value": row["recurrence"][:40]})
        for column in DATES:
            values[column] = self.convert(line, column, row[column], parse_date)
        for column, field in AMOUNTS.items():
            values[field] = self.convert(line, column, row[column], lambda v: parse_amount(v, self.excel_fr))
        return values

    def convert(self, line, column, raw, parser):
        raw = raw.strip()
        if not raw:
            return None
        try:
            return parser(raw)
        except ValueError as exc:
            self.problem(line, column, str(exc))
            return None

    def match(self, row, slug):
        """An existing entry with this slug, else the only one with this source URL."""
        if slug in self.existing:
            return self.existing[slug]
        same_url = self.by_website.get(row["website"].strip(), []) if row["website"].strip() else []
        return same_url[0] if len(same_url) == 1 else None

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
            if role not in ProgrammeActor.Role.values or not slug:
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
            self.problem(line, "slug", _("« %(slug)s » appartient à une autre organisation : vous ne pouvez pas la modifier.") % {"slug": plan.existing.slug})
        if not any(slug in self.own_actors for _role, slug, _name in plan.roles):
            self.problem(line, "actor_roles", _("indiquez une de vos organisations dans un rôle."))

    def check_model(self, line, plan):
        instance = Programme(slug=plan.slug, **plan.values)
        try:
            instance.clean_fields(exclude=["search_text", "search_title"])
            instance.clean()
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.problem(line, FIELD_TO_COLUMN.get(field, field), message)

    def flag_duplicates(self, plan):
        warn = self.plan.warnings.append
        if plan.existing is not None and plan.existing.slug != plan.slug:
            warn(Problem(plan.line, "website", _("même URL source que « %(slug)s » : cette fiche sera mise à jour.") % {"slug": plan.existing.slug}))
        for role, slug, _name in plan.roles:
            other = self.operators.get((fold(plan.values["title"]), slug)) if role == "runs" else None
            if other and other != plan.slug:
                warn(Problem(plan.line, "title", _("doublon possible de « %(slug)s » (même titre, même porteur).") % {"slug": other}))
        website = plan.values["website"]
        if website and website in self.file_websites:
            warn(Problem(plan.line, "website", _("doublon possible de la ligne %(line)s (même URL source).") % {"line": self.file_websites[website]}))
        elif website:
            self.file_websites[website] = plan.line
