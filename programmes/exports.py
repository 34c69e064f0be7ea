"""CSV exporters: generators of rows (header first), no HTTP here.

Column names are stable and documented in the README; list cells are joined
with " | ". Territories are given as names and as `kind:INSEE code`.
"""
from django.conf import settings
from django.urls import reverse

from core.csvfile import joined
from territories.codes import format_code, join_code

from .models import Programme, ProgrammeActor
from .status import Status

CHUNK = 2000

PROGRAMME_COLUMNS = [
    "slug", "title", "kind", "kind_label", "status", "status_label", "opens_on", "deadline", "recurrence",
    "total_budget_eur", "amount_min_eur", "amount_max_eur", "territories", "territory_codes", "actors", "actor_roles",
    "themes", "theme_slugs", "audiences", "audience_slugs", "summary", "description", "website",
    "contact_name", "contact_email", "source", "last_verified_on", "page_url",
]


class _Labels:
    """Translated labels and the page URL pattern, resolved once per export, not per row."""

    def __init__(self, site_url):
        self.kind = {value: str(label) for value, label in Programme.Kind.choices}
        self.status = {value: str(label) for value, label in Status.choices}
        self.role = {value: str(label) for value, label in ProgrammeActor.Role.choices}
        self.page = site_url + reverse("programmes:detail", kwargs={"slug": "SLUG"}).replace("SLUG", "{}")


SCALARS = (
    "id", "slug", "title", "kind", "computed_status", "opens_on", "deadline", "recurrence", "total_budget", "amount_min",
    "amount_max", "summary", "description", "website", "contact_name", "contact_email", "source", "last_verified_on",
)


def _grouped(rows):
    """{programme id: [rest of row, …]} in the rows' order."""
    groups = {}
    for programme_id, *rest in rows:
        groups.setdefault(programme_id, []).append(rest)
    return groups


def _relations(ids):
    """Territories, roles, themes and audiences of these programmes: four queries per chunk.

    Orders match the pages': territories by name, roles by role then organisation; themes and
    audiences by name (not editorial position), so that the import recreates the same file."""
    through = Programme.territories.through.objects.filter(programme_id__in=ids)
    themes = Programme.themes.through.objects.filter(programme_id__in=ids)
    audiences = Programme.audiences.through.objects.filter(programme_id__in=ids)
    return (
        _grouped(through.order_by("territory__name", "territory_id").values_list("programme_id", "territory__name", "territory__kind", "territory__insee_code")),
        _grouped(ProgrammeActor.objects.filter(programme_id__in=ids).order_by("role", "actor__name", "id").values_list("programme_id", "role", "actor__name", "actor__slug")),
        _grouped(themes.order_by("theme__name", "theme__slug").values_list("programme_id", "theme__name", "theme__slug")),
        _grouped(audiences.order_by("audience__name", "audience__slug").values_list("programme_id", "audience__name", "audience__slug")),
    )


def _programme_row(p, relations, labels):
    territories, roles, themes, audiences = (group.get(p["id"], ()) for group in relations)
    status = p["computed_status"]
    return [
        p["slug"], p["title"], p["kind"], labels.kind.get(p["kind"], p["kind"]), status, labels.status.get(status, status),
        p["opens_on"], p["deadline"], p["recurrence"], p["total_budget"], p["amount_min"], p["amount_max"],
        joined(name for name, _kind, _code in territories), joined(join_code(kind, code) for _name, kind, code in territories),
        joined(f"{name} ({labels.role[role]})" for role, name, _slug in roles), joined(f"{role}:{slug}" for role, _name, slug in roles),
        joined(name for name, _slug in themes), joined(slug for _name, slug in themes),
        joined(name for name, _slug in audiences), joined(slug for _name, slug in audiences),
        p["summary"], p["description"], p["website"], p["contact_name"], p["contact_email"], p["source"], p["last_verified_on"],
        labels.page.format(p["slug"]),
    ]


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def programme_rows(queryset, *, site_url=None):
    """Header, then one row per programme, in the queryset's order.

    Rows are built from `values()` and four relation queries per chunk of 2,000, never
    from model instances: memory stays flat and the export runs at database speed."""
    labels = _Labels(site_url if site_url is not None else settings.SITE_URL)
    yield PROGRAMME_COLUMNS
    if "computed_status" not in queryset.query.annotations:
        queryset = queryset.with_status()
    values = queryset.values(*SCALARS).iterator(chunk_size=CHUNK)
    for chunk in _chunks(values, CHUNK):
        relations = _relations([p["id"] for p in chunk])
        for programme in chunk:
            yield _programme_row(programme, relations, labels)


PROJECT_COLUMNS = [
    "slug", "title", "programme_slug", "programme_title", "beneficiary_slug", "beneficiary_name", "beneficiary_kind",
    "partners", "year", "awarded_on", "amount_eur", "territory", "territory_code", "description", "website", "source",
]


def project_rows(queryset):
    yield PROJECT_COLUMNS
    for p in queryset.iterator(chunk_size=CHUNK):
        yield [
            p.slug, p.title, p.programme.slug, p.programme.title, p.beneficiary.slug, p.beneficiary.name, p.beneficiary.kind,
            joined(a.name for a in p.partners.all()), p.year, p.awarded_on, p.amount,
            p.territory.name if p.territory else "", format_code(p.territory),
            p.description, p.website, p.source,
        ]
