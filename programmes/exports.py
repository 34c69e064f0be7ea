"""CSV exporters: generators of rows (header first), no HTTP here.

Column names are stable and documented in docs/data-formats.md; list cells are joined
with " | ". Territories are given as names and as `kind:INSEE code`.

Each export is one query, streamed (`core.streaming.stream_rows`): the relations come
with each row as comma-separated ids (`core.streaming.listed`), named from the reference
rows read once per export (`ExportLists`), never through model instances. Only published
organisations and programmes are ever named.
"""
from django.conf import settings
from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Concat
from django.urls import reverse

from actors.models import Actor
from core.csvfile import LIST_SEPARATOR, joined
from core.streaming import listed, stream_rows
from editorial.models import PublicationState
from territories.codes import join_code
from territories.models import Territory

from .models import Audience, FundedProject, Programme, ProgrammeActor, Theme
from .status import Status

# Distinct id lists remembered per list column: many programmes share their themes; memory stays bounded.
MEMO_SIZE = 4096

PROGRAMME_COLUMNS = [
    "slug", "title", "kind", "kind_label", "status", "status_label", "opens_on", "deadline", "recurrence",
    "total_budget_eur", "amount_min_eur", "amount_max_eur", "territories", "territory_codes", "actors", "actor_roles",
    "themes", "theme_slugs", "audiences", "audience_slugs", "summary", "description", "website",
    "contact_name", "contact_email", "source", "last_verified_on", "page_url", "parent",
]

SCALARS = (
    "slug", "title", "kind", "computed_status", "opens_on", "deadline", "recurrence", "total_budget", "amount_min",
    "amount_max", "summary", "description", "website", "contact_name", "contact_email", "source", "last_verified_on",
)
LISTS = ("export_territories", "export_roles", "export_themes", "export_audiences", "export_parent")


class _Labels:
    """Translated labels and the page URL pattern, resolved once per export, not per row."""

    def __init__(self, site_url):
        self.kind = {value: str(label) for value, label in Programme.Kind.choices}
        self.status = {value: str(label) for value, label in Status.choices}
        self.role = {value: str(label) for value, label in ProgrammeActor.Role.choices}
        self.page = (site_url + reverse("programmes:detail", kwargs={"slug": "SLUG"})).rsplit("SLUG", 1)


def _ranked(rows):
    """{str(id): (rank, *rest)} for rows in the database's order: Python then sorts as ORDER BY did.

    Keys are texts, as the ids come in the rows' comma-separated lists."""
    return {str(pk): (rank, *rest) for rank, (pk, *rest) in enumerate(rows)}


def published_actors():
    """{str(id): (name rank, name, slug, kind)} of the published organisations; the others are never named.

    Equal names share a rank: they tie in ORDER BY name, and the next key decides."""
    ranked, rank, previous = {}, -1, None
    for pk, name, slug, kind in Actor.objects.published().order_by("name", "id").values_list("id", "name", "slug", "kind"):
        if rank < 0 or name != previous:
            rank, previous = rank + 1, name
        ranked[str(pk)] = (rank, name, slug, kind)
    return ranked


class _Memo:
    """The cells of one list column, computed once per distinct id list (a bounded memo)."""

    def __init__(self, build, empty):
        self.build, self.empty, self.cells = build, empty, {}

    def __call__(self, ids):
        if not ids:
            return self.empty
        cells = self.cells.get(ids)
        if cells is None:
            if len(self.cells) >= MEMO_SIZE:
                self.cells.clear()
            cells = self.cells[ids] = self.build(ids)
        return cells


def _pair_cells(keys, items):
    """The two cells (e.g. names, codes) of the `items` named by a comma-separated key list, in rank
    order, joined as `joined` does. Unknown keys (unpublished organisations, rows created since the
    export began) are left out."""
    if "," not in keys:
        entry = items.get(keys)
        return (entry[-2], entry[-1]) if entry else ("", "")
    entries = sorted(items[key] for key in keys.split(",") if key in items)
    return LIST_SEPARATOR.join([e[-2] for e in entries if e[-2]]), LIST_SEPARATOR.join([e[-1] for e in entries if e[-1]])


class _RoleItems(dict):
    """{"role:actor id": (role, name rank, "Name (Role label)", "role:actor-slug")}, filled as keys come;
    None for an organisation that is not published."""

    def __init__(self, actors, labels):
        super().__init__()
        self.actors, self.labels = actors, labels

    def __missing__(self, key):
        role, _, pk = key.partition(":")
        actor = self.actors.get(pk)
        self[key] = item = None if actor is None else (role, actor[0], f"{actor[1]} ({self.labels[role]})", f"{role}:{actor[2]}")
        return item


def _role_cells(links, items):
    """`links` are `role:actor id:link id`: ordered by role, organisation name, then link id, as the pages."""
    if "," not in links:
        entry = items[links.rpartition(":")[0]]
        return (entry[2], entry[3]) if entry else ("", "")
    entries = []
    for link in links.split(","):
        key, _, link_id = link.rpartition(":")
        entry = items[key]
        if entry is not None:
            entries.append((entry[0], entry[1], int(link_id), entry[2], entry[3]))
    entries.sort()
    return LIST_SEPARATOR.join([e[3] for e in entries]), LIST_SEPARATOR.join([e[4] for e in entries])


class ExportLists:
    """The list cells of programme rows: territories, organisations and roles, themes, audiences.

    Orders match the pages': territories by name, roles by role then organisation; themes and
    audiences by name (not editorial position), so that the import recreates the same file."""

    def __init__(self, role_labels):
        # The territories programmes name, not the 36,000 of the geography.
        named = Programme.territories.through.objects.values("territory_id")
        territories = Territory.objects.filter(id__in=named).order_by("name", "id").values_list("id", "name", "kind", "insee_code")
        territories = _ranked((pk, name, join_code(kind, code)) for pk, name, kind, code in territories)
        themes = _ranked(Theme.objects.order_by("name", "slug").values_list("id", "name", "slug"))
        audiences = _ranked(Audience.objects.order_by("name", "slug").values_list("id", "name", "slug"))
        roles = _RoleItems(published_actors(), role_labels)
        self.territories = _Memo(lambda ids: _pair_cells(ids, territories), ("", ""))
        self.themes = _Memo(lambda ids: _pair_cells(ids, themes), ("", ""))
        self.audiences = _Memo(lambda ids: _pair_cells(ids, audiences), ("", ""))
        self.roles = lambda links: _role_cells(links, roles) if links else ("", "")

    @staticmethod
    def annotate(queryset):
        """`queryset` with its rows' four lists (roles as `role:actor id:link id`)."""
        role = Concat("role", Value(":"), "actor_id", Value(":"), "id", output_field=CharField())
        return queryset.annotate(
            # The parent is named only when it is published (as every public export does).
            export_parent=Case(When(parent__publication_state=PublicationState.PUBLISHED, then=F("parent__slug")), default=Value("")),
            export_territories=listed(Programme.territories.through.objects, "programme", "territory_id"),
            export_roles=listed(ProgrammeActor.objects, "programme", role),
            export_themes=listed(Programme.themes.through.objects, "programme", "theme_id"),
            export_audiences=listed(Programme.audiences.through.objects, "programme", "audience_id"),
        )


def _programme_row(row, lists, labels):
    (slug, title, kind, status, opens_on, deadline, recurrence, budget, amount_min, amount_max, summary, description,
     website, contact_name, contact_email, source, verified, territory_ids, role_ids, theme_ids, audience_ids, parent) = row
    territories, territory_codes = lists.territories(territory_ids)
    actors, actor_roles = lists.roles(role_ids)
    themes, theme_slugs = lists.themes(theme_ids)
    audiences, audience_slugs = lists.audiences(audience_ids)
    return [
        slug, title, kind, labels.kind.get(kind, kind), status, labels.status.get(status, status),
        opens_on, deadline, recurrence, budget, amount_min, amount_max, territories, territory_codes, actors, actor_roles,
        themes, theme_slugs, audiences, audience_slugs, summary, description, website, contact_name, contact_email,
        source, verified, labels.page[0] + slug + labels.page[1], parent,
    ]


def programme_rows(queryset, *, site_url=None):
    """Header, then one row per programme, in the queryset's order.

    One query, streamed: memory stays flat whatever the number of rows."""
    labels = _Labels(site_url if site_url is not None else settings.SITE_URL)
    yield PROGRAMME_COLUMNS
    lists = ExportLists(labels.role)
    if "computed_status" not in queryset.query.annotations:
        queryset = queryset.with_status()
    rows = ExportLists.annotate(queryset.prefetch_related(None)).values_list(*SCALARS, *LISTS)
    for row in stream_rows(rows):
        yield _programme_row(row, lists, labels)


PROJECT_COLUMNS = [
    "slug", "title", "programme_slug", "programme_title", "beneficiary_slug", "beneficiary_name", "beneficiary_kind",
    "partners", "year", "awarded_on", "amount_eur", "territory", "territory_code", "description", "website", "source",
]
PROJECT_FIELDS = (
    "slug", "title", "programme__slug", "programme__title", "programme__publication_state", "beneficiary_id", "year",
    "awarded_on", "amount", "territory__name", "territory__kind", "territory__insee_code", "description", "website",
    "source", "export_partners",
)
NO_ACTOR = (None, "", "", "")


def _partner_names(ids, actors):
    # By name, as the organisations' own ordering; ties by slug.
    return joined(name for _rank, name, *_rest in sorted(actors[pk] for pk in ids.split(",") if pk in actors))


def _project_row(row, actors, partners):
    (slug, title, programme_slug, programme_title, programme_state, beneficiary_id, year, awarded_on, amount,
     territory, territory_kind, territory_code, description, website, source, partner_ids) = row
    if programme_state != PublicationState.PUBLISHED:  # an unpublished programme is not named
        programme_slug = programme_title = ""
    _rank, beneficiary_name, beneficiary_slug, beneficiary_kind = actors.get(str(beneficiary_id), NO_ACTOR)
    return [
        slug, title, programme_slug, programme_title, beneficiary_slug, beneficiary_name, beneficiary_kind,
        partners(partner_ids), year, awarded_on, amount, territory or "",
        join_code(territory_kind, territory_code) if territory_kind is not None else "", description, website, source,
    ]


def project_rows(queryset):
    """Header, then one row per funded project; unpublished programmes and organisations are left blank or out."""
    yield PROJECT_COLUMNS
    actors = published_actors()
    partners = _Memo(lambda ids: _partner_names(ids, actors), "")
    partner_ids = listed(FundedProject.partners.through.objects, "fundedproject", "actor_id")
    rows = queryset.prefetch_related(None).annotate(export_partners=partner_ids).values_list(*PROJECT_FIELDS)
    for row in stream_rows(rows):
        yield _project_row(row, actors, partners)
