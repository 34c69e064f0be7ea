"""Funded-project CSV import: the columns of /projets/export.csv.

The programme and the beneficiary are named by slug, partners by name (as the
export writes them); each must match exactly one organisation."""
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from core.csvfile import split_list
from core.imports import RowPlan, TableReader, parse_amount, parse_date, parse_year
from editorial import policy, revisions
from editorial.imports import EntryWriter
from search.index import INDEX_FIELDS
from territories.codes import resolve_code
from territories.models import Territory

from .. import excel_fr_projects as excel_fr
from ..exports import PROJECT_COLUMNS
from ..models import FundedProject, Programme
from ..services import save_project
from .named_entries import ActorIndex

TEXTS = ("title", "description", "website", "source")
REQUIRED = ("slug", "title", "programme_slug", "beneficiary_slug")  # docs/data-formats.md lists them
FIELDS = {  # column → field written
    **{name: name for name in TEXTS}, "year": "year", "awarded_on": "awarded_on", "amount_eur": "amount",
    "programme_slug": "programme", "beneficiary_slug": "beneficiary", "territory_code": "territory",
}


def _visible(model, user, privileged):
    """Every entry for reviewers and the command line; else the published ones and the user's own."""
    entries = model.objects.order_by()
    return entries if privileged else entries.published() | model.objects.editable_by(user).order_by()


class ProjectReader(TableReader):
    columns = REQUIRED
    optional_columns = tuple(column for column in PROJECT_COLUMNS if column not in REQUIRED)

    @classmethod
    def plan(cls, data, *, max_bytes=None, **options):
        """The French spreadsheet export (`?dialect=excel-fr`) is read as the standard file it
        stands for (`excel_fr_projects.standard_csv`), its problems named by its own columns."""
        standard = excel_fr.standard_csv(data, max_bytes)
        plan = super().plan(standard, max_bytes=max_bytes, **options)
        return plan if standard is data else excel_fr.name_columns(plan)

    def __init__(self, plan, *, user, excel_fr):
        super().__init__(plan, user=user, excel_fr=excel_fr)
        self.privileged = user is None or policy.sees_everything(user)
        self.territories = Territory.objects.all().by_codes()
        # An editor names only what it may see: another organisation's draft is "unknown", never revealed.
        self.actors = _visible(Actor, user, self.privileged).in_bulk(field_name="slug")
        self.index = ActorIndex(user, privileged=self.privileged)
        self.programmes = _visible(Programme, user, self.privileged).in_bulk(field_name="slug")
        self.existing = FundedProject.objects.in_bulk(field_name="slug")
        if not self.privileged:
            self.own_programmes = set(Programme.objects.editable_by(user).values_list("id", flat=True))

    def read_row(self, line, row):
        before = len(self.plan.problems)
        values = {name: row[name].strip() if name != "description" else row[name] for name in TEXTS}
        if not values["title"]:
            self.problem(line, "title", _("le titre est obligatoire."))
        values["year"] = self.convert(line, "year", row["year"], parse_year)
        values["awarded_on"] = self.convert(line, "awarded_on", row["awarded_on"], parse_date)
        values["amount"] = self.convert(line, "amount_eur", row["amount_eur"], lambda v: parse_amount(v, self.excel_fr))
        values["programme"] = self.lookup(line, "programme_slug", self.programmes, row["programme_slug"].strip())
        values["beneficiary"] = self.lookup(line, "beneficiary_slug", self.actors, row["beneficiary_slug"].strip())
        values["territory"] = self.territory(line, row["territory_code"].strip())
        slug = row["slug"].strip() or slugify(values["title"])[:300]
        plan = RowPlan(line=line, slug=slug, values=values, existing=self.existing.get(slug))
        # An update without the column keeps its partners (no relation: `save_project` leaves them).
        plan.relations = {} if "partners" in self.absent and plan.existing else {"partners": self.partners(line, row["partners"])}
        self.check_scope(line, plan)
        if len(self.plan.problems) == before:
            instance = FundedProject(slug=slug, **values)
            self.check_instance(line, instance, exclude=INDEX_FIELDS, columns={"amount": "amount_eur", "programme": "programme_slug", "beneficiary": "beneficiary_slug"})
            values["year"] = instance.year
        if len(self.plan.problems) > before:
            return None
        self.keep_stored(plan, FIELDS)
        if values.get("awarded_on"):  # the year follows the date, even when the file leaves the year out
            values["year"] = values["awarded_on"].year
        return plan

    def same_relations(self, row):
        if "partners" not in row.relations:
            return True
        if not hasattr(self, "stored_partners"):  # loaded once, for every update of the file
            ids = [plan.existing.id for plan in self.plan.rows if plan.existing is not None]
            self.stored_partners = defaultdict(set)
            for start in range(0, len(ids), 500):
                links = FundedProject.partners.through.objects.filter(fundedproject_id__in=ids[start:start + 500])
                for project_id, actor_id in links.values_list("fundedproject_id", "actor_id"):
                    self.stored_partners[project_id].add(actor_id)
        return self.stored_partners[row.existing.id] == {actor.id for actor in row.relations["partners"]}

    def lookup(self, line, column, known, slug):
        if slug not in known:
            self.problem(line, column, _("« %(slug)s » n'existe pas dans l'annuaire.") % {"slug": slug[:60]})
        return known.get(slug)

    def territory(self, line, code):
        if not code:
            return None
        try:
            return resolve_code(code, self.territories)
        except ValidationError as exc:
            self.problem(line, "territory_code", exc.messages[0])
            return None

    def partners(self, line, cell):
        found = []
        for name in split_list(cell):
            matches = self.index.find(name, "")  # by name, acronym, SIREN or slug; case and accents aside
            if len(matches) != 1:
                message = _("partenaire inconnu « %(name)s ».") if not matches else _("plusieurs organisations s'appellent « %(name)s ».")
                self.problem(line, "partners", message % {"name": name[:60]})
            else:
                found.append(self.actors[matches.pop()])
        return found

    def check_scope(self, line, plan):
        if self.privileged:
            return
        programme = plan.values["programme"]
        if programme is not None and programme.id not in self.own_programmes:
            self.problem(line, "programme_slug", _("« %(slug)s » appartient à une autre organisation.") % {"slug": programme.slug})
        if plan.existing is not None and plan.existing.programme_id not in self.own_programmes:
            self.problem(line, "slug", _("« %(slug)s » appartient à une autre organisation : vous ne pouvez pas la modifier.") % {"slug": plan.slug})
        elif revisions.refuses_import(self.user, plan.existing):
            self.problem(line, "slug", revisions.LIVE_ENTRY_IMPORT % {"slug": plan.slug})


class ProjectWriter(EntryWriter):
    model = FundedProject

    def relations(self, row):
        return dict(row.relations)  # no partners: an update keeping its own

    def current_relations(self, entry):
        return {"partners": entry.partners.all()}

    def save(self, entry, relations):
        return save_project(project=entry, user=self.user, reason=self.reason, **relations)
