"""Actor CSV import: the columns of /acteurs/export.csv, written through `actors.services`."""
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.imports import Importer, RowPlan, TableReader
from editorial import policy, revisions
from editorial.imports import EntryWriter
from search.index import INDEX_FIELDS
from territories.codes import resolve_code
from territories.models import Territory

from . import excel_fr
from .exports import ACTOR_COLUMNS
from .models import Actor
from .services import save_actor

TEXTS = ("name", "acronym", "kind", "siren", "website", "description", "source")
REQUIRED = ("slug", "name", "kind")  # docs/data-formats.md lists them
FIELDS = {**{name: name for name in TEXTS}, "seat_code": "seat"}  # column → field written


class ActorReader(TableReader):
    columns = REQUIRED
    optional_columns = tuple(column for column in ACTOR_COLUMNS if column not in REQUIRED)

    @classmethod
    def plan(cls, data, *, max_bytes=None, **options):
        """The French spreadsheet export (`?dialect=excel-fr`) is read as the standard file it
        stands for (`excel_fr.standard_csv`), its problems named by its own columns."""
        standard = excel_fr.standard_csv(data, max_bytes)
        plan = super().plan(standard, max_bytes=max_bytes, **options)
        return plan if standard is data else excel_fr.name_columns(plan)

    def __init__(self, plan, *, user, excel_fr):
        super().__init__(plan, user=user, excel_fr=excel_fr)
        self.territories = Territory.objects.all().by_codes()
        self.existing = Actor.objects.in_bulk(field_name="slug")
        self.may_add = user is None or policy.can(user, policy.ADD, model=Actor)
        self.reachable = None if user is None else set(Actor.objects.editable_by(user).values_list("id", flat=True))

    def read_row(self, line, row):
        before = len(self.plan.problems)
        values = {name: row[name].strip() if name != "description" else row[name] for name in TEXTS}
        values["siren"] = values["siren"].replace(" ", "")
        if values["kind"] not in Actor.Kind.values:
            self.problem(line, "kind", _("type inconnu « %(value)s ».") % {"value": values["kind"][:40]})
        values["seat"] = self.seat(line, row["seat_code"].strip())
        slug = row["slug"].strip() or slugify(values["name"])[:255]
        plan = RowPlan(line=line, slug=slug, values=values, existing=self.existing.get(slug))
        self.check_scope(line, plan)
        self.check_instance(line, Actor(slug=slug, **values), exclude=INDEX_FIELDS, columns={"seat": "seat_code"})
        return self.keep_stored(plan, FIELDS) if len(self.plan.problems) == before else None

    def seat(self, line, code):
        if not code:
            return None
        try:
            return resolve_code(code, self.territories)
        except ValidationError as exc:
            self.problem(line, "seat_code", exc.messages[0])
            return None

    def check_scope(self, line, plan):
        hidden = plan.existing is not None and not plan.existing.is_public and self.reachable is not None and plan.existing.id not in self.reachable
        if (plan.existing is None or hidden) and not self.may_add:  # another organisation's draft: as if absent
            self.problem(line, "slug", _("« %(slug)s » n'existe pas : seul un relecteur peut créer une organisation.") % {"slug": plan.slug})
        elif plan.existing is not None and self.reachable is not None and plan.existing.id not in self.reachable:
            self.problem(line, "slug", _("« %(slug)s » appartient à une autre organisation : vous ne pouvez pas la modifier.") % {"slug": plan.slug})
        elif revisions.refuses_import(self.user, plan.existing):
            self.problem(line, "slug", revisions.LIVE_ENTRY_IMPORT % {"slug": plan.slug})


class ActorWriter(EntryWriter):
    model = Actor

    def save(self, entry, relations):
        return save_actor(actor=entry)


ACTORS = Importer("actors", ActorReader, ActorWriter)
