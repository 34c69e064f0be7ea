"""CSV exporters: generators of rows (header first), no HTTP here.

Column names are stable and documented in the README; list cells are joined
with " | ". Territories are given as names and as `kind:INSEE code`.
"""
from django.conf import settings
from django.urls import reverse

from core.csvfile import joined
from search.index import INDEX_FIELDS
from territories.codes import format_code

from .models import Programme, ProgrammeActor
from .status import Status

CHUNK = 500

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


def _programme_row(p, labels):
    territories = list(p.territories.all())
    roles = list(p.roles.all())
    # Sorted by name, not by editorial position: the import recreates the same order.
    themes = sorted(p.themes.all(), key=lambda t: (t.name, t.slug))
    audiences = sorted(p.audiences.all(), key=lambda a: (a.name, a.slug))
    status = p.status
    return [
        p.slug, p.title, p.kind, labels.kind.get(p.kind, p.kind), status, labels.status.get(status, status),
        p.opens_on, p.deadline, p.recurrence, p.total_budget, p.amount_min, p.amount_max,
        joined(t.name for t in territories), joined(format_code(t) for t in territories),
        joined(f"{r.actor.name} ({labels.role[r.role]})" for r in roles), joined(f"{r.role}:{r.actor.slug}" for r in roles),
        joined(t.name for t in themes), joined(t.slug for t in themes),
        joined(a.name for a in audiences), joined(a.slug for a in audiences),
        p.summary, p.description, p.website, p.contact_name, p.contact_email, p.source, p.last_verified_on,
        labels.page.format(p.slug),
    ]


def programme_rows(queryset, *, site_url=None):
    """Header, then one row per programme, in the queryset's order."""
    labels = _Labels(site_url if site_url is not None else settings.SITE_URL)
    yield PROGRAMME_COLUMNS
    for programme in queryset.defer(*INDEX_FIELDS).iterator(chunk_size=CHUNK):
        yield _programme_row(programme, labels)


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
