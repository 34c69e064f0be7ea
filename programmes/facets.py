"""Facet counts: for each option, how many results it would give under the other filters.

One query per facet whatever the number of results, so the listing's query
count does not grow with the page size.
"""
from django.db.models import Count

from core.sql import IdIn
from territories.models import Territory

from .models import Audience, Programme, Theme
from .status import Status

FACETS = ("region", "kind", "theme", "audience", "status")


# Up to this many ids, a facet's row set is fetched once and passed to its GROUP BY as a
# list: the filters (the full-text match above all) then run once per distinct set instead of
# once per query that uses it. Larger sets stay subqueries (their filters are cheap then).
SHARED_IDS = 10000


class FacetRows:
    """The rows each facet counts: every filter but the facet's own.

    A facet whose own filter is not set counts the result rows themselves, so the
    distinct sets are few (one, plus one per filter in use), each computed once."""

    def __init__(self, filterset):
        self.filterset = filterset
        self.sets = {}

    def ids(self, name):
        """The ids (a list, or a subquery when large) of the rows under every filter but `name`."""
        key = name if self.filterset.form.cleaned_data.get(name) else None
        if key not in self.sets:
            rows = self.filterset.rows_without(*filter(None, [key])).values_list("id", flat=True)
            ids = list(rows[:SHARED_IDS + 1])
            self.sets[key] = ids if len(ids) <= SHARED_IDS else rows
        return self.sets[key]

    def result_count(self):
        """How many results, when the result ids are already at hand (else None)."""
        ids = self.ids(None)
        return len(ids) if isinstance(ids, list) else None

    def rows(self, name):
        ids = self.ids(name)
        return self.filterset.queryset.filter(IdIn("id", ids)) if isinstance(ids, list) else self.filterset.rows_without(name)


def _links(through, ids):
    """The link rows of these programmes (`ids`: a list or a subquery)."""
    rows = through.objects
    return rows.filter(IdIn("programme_id", ids)) if isinstance(ids, list) else rows.filter(programme_id__in=ids)


def _count_column(rows, column):
    """GROUP BY on the rows themselves (not `id IN (…)` of the same table again)."""
    return dict(rows.order_by().values_list(column).annotate(n=Count("id")))


def _count_m2m(ids, relation):
    through = getattr(Programme, relation).through
    column = f"{relation[:-1]}__slug"
    # A (programme, theme) pair is unique in the link table, so COUNT(*) per theme is already
    # a count of distinct programmes; COUNT(DISTINCT …) would sort every link (to disk at 100k).
    return dict(_links(through, ids).values_list(column).annotate(n=Count("programme_id")))


def _count_region(ids, local_only):
    """Per region: programmes that apply in it (national/European ones too unless local_only)."""
    links = _links(Programme.territories.through, ids)
    return Territory.objects.regions().count_applying(links, object_field="programme_id", local_only=local_only)


def facet_counts(filterset, rows=None):
    """{facet: {value: count}} for the filters of a valid ProgrammeFilter.

    Each facet counts the rows under every other filter (its own options stay open)."""
    rows = rows or FacetRows(filterset)
    local_only = filterset.form.cleaned_data.get("scope") == "local"
    return {
        "region": _count_region(rows.ids("region"), local_only),
        "kind": _count_column(rows.rows("kind"), "kind"),
        "theme": _count_m2m(rows.ids("theme"), "themes"),
        "audience": _count_m2m(rows.ids("audience"), "audiences"),
        "status": _count_column(rows.rows("status"), "computed_status"),
    }


def facet_options(filterset, counts):
    """Options for the template: (value, label, count, checked) for each facet."""
    params = filterset.data
    regions = Territory.objects.regions()
    chosen = {name: set(params.getlist(name)) for name in FACETS}
    build = lambda name, items: [(v, label, counts[name].get(v, 0), v in chosen[name]) for v, label in items]  # noqa: E731
    return {
        "region": build("region", [(r.insee_code, r.name) for r in regions]),
        "kind": build("kind", Programme.Kind.choices),
        "theme": build("theme", [(t.slug, t.label) for t in Theme.objects.all()]),
        "audience": build("audience", [(a.slug, a.label) for a in Audience.objects.all()]),
        "status": build("status", Status.choices),
    }

