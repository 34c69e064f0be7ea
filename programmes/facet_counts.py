"""Facet counts in SQL: for each option, how many results it would give under the other filters.

One statement whatever the number of rows or options. Its one filtered subquery (`WITH f`)
holds the rows under every filter that is not a facet (the full-text match, the actor, the
department), with a flag per facet filter in use; both databases materialise it once, as
it is read more than once. Each facet is then a GROUP BY over `f`, keeping the rows that
pass every flag but its own: its own options stay open. The region facet goes through the
territory closure table. The FilterSet's own filter methods build the subquery and the
flags, so the counts follow the listing's filters by construction.

The listing's filter form keeps the counts, rendered, per selection until the next write
(`filter_form`): this runs once per selection, not once per request.
"""
from django.db import connection
from django.db.models import Case, IntegerField, Value, When

from search.index import index_scans
from territories.models import Territory, TerritoryClosure

from .models import Audience, Programme, Theme

FACETS = ("region", "kind", "theme", "audience", "status")


def active_filters(filterset):
    """{name: value} of the valid filters that restrict the rows (not sort, not scope)."""
    data = filterset.form.cleaned_data
    return {name: value for name, value in data.items()
            if name in filterset.filters and not _empty(value) and getattr(filterset.filters[name], "method", None) != "filter_noop"}


def _empty(value):
    # An empty choice of objects is `QuerySet.none()`: its len() runs no query.
    return value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0)


def _flag(filterset, name, value):
    """1 where the row passes filter `name`, else 0 (the filter's own method, as a subquery run once)."""
    passing = filterset.filters[name].filter(Programme.objects.with_status(), value).order_by().values("id")
    return Case(When(id__in=passing, then=Value(1)), default=Value(0), output_field=IntegerField())


def filtered_rows(filterset, active):
    """The rows under every filter but the facets, with the facets' flags; SQL, params and column names."""
    rows = filterset.queryset.prefetch_related(None).order_by()
    for name, value in active.items():
        if name not in FACETS:
            rows = filterset.filters[name].filter(rows, value)
    supra = Programme.territories.through.objects.filter(territory__kind__in=Territory.SUPRA_NATIONAL).values("programme_id")
    flags = {f"in_{name}": _flag(filterset, name, value) for name, value in active.items() if name in FACETS}
    supra_flag = Case(When(id__in=supra, then=Value(1)), default=Value(0), output_field=IntegerField())
    rows = rows.annotate(**flags, facet_supra=supra_flag).values("id", "kind", "computed_status", "facet_supra", *flags).order_by()
    sql, params = rows.query.sql_with_params()
    return sql, params, list(rows.query.selected)  # the select list's names, in its order


def _branches(passing, quote):
    """The GROUP BYs: (facet, key, count, count without supra-national rows); the regions'
    own counts add up from a zero for each region."""
    table = lambda model: quote(model._meta.db_table)  # noqa: E731
    themes, audiences, territories = (table(getattr(Programme, name).through) for name in ("themes", "audiences", "territories"))
    return [
        f"SELECT 'kind', f.kind, COUNT(*), 0 FROM f WHERE {passing('kind')} GROUP BY f.kind",
        f"SELECT 'status', f.computed_status, COUNT(*), 0 FROM f WHERE {passing('status')} GROUP BY f.computed_status",
        f"SELECT 'theme', t.slug, COUNT(*), 0 FROM f JOIN {themes} l ON l.programme_id = f.id"
        f" JOIN {table(Theme)} t ON t.id = l.theme_id WHERE {passing('theme')} GROUP BY t.slug",
        f"SELECT 'audience', a.slug, COUNT(*), 0 FROM f JOIN {audiences} l ON l.programme_id = f.id"
        f" JOIN {table(Audience)} a ON a.id = l.audience_id WHERE {passing('audience')} GROUP BY a.slug",
        # A programme with two territories in one region (a department and its métropole) counts once.
        f"SELECT 'region', r.insee_code, COUNT(DISTINCT f.id), COUNT(DISTINCT CASE WHEN f.facet_supra = 0 THEN f.id END)"
        f" FROM f JOIN {territories} l ON l.programme_id = f.id JOIN {table(TerritoryClosure)} c ON c.descendant_id = l.territory_id"
        f" JOIN {table(Territory)} r ON r.id = c.ancestor_id AND r.kind = %s WHERE {passing('region')} GROUP BY r.insee_code",
        f"SELECT 'region', r.insee_code, 0, 0 FROM {table(Territory)} r WHERE r.kind = %s",
        f"SELECT 'supra_national', NULL, COALESCE(SUM(f.facet_supra), 0), 0 FROM f WHERE {passing('region')}",
    ]


def facet_counts(filterset):
    """{facet: {value: count}} for a valid ProgrammeFilter; the region's own counts
    (`region_own`) and the national and European programmes (`supra_national`) apart."""
    active = active_filters(filterset)
    sql, params, names = filtered_rows(filterset, active)
    quote = connection.ops.quote_name
    flags = [name for name in FACETS if name in active]

    def passing(facet):
        return " AND ".join([f"f.in_{name} = 1" for name in flags if name != facet] or ["1 = 1"])

    columns = ", ".join(quote(name) for name in names)
    statement = f"WITH f ({columns}) AS ({sql}) " + " UNION ALL ".join(_branches(passing, quote))
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(statement, [*params, Territory.Kind.REGION, Territory.Kind.REGION])
        rows = cursor.fetchall()
    return _counts(rows, local_only=filterset.form.cleaned_data.get("scope") == "local")


def _counts(rows, *, local_only):
    counts = {name: {} for name in FACETS}
    counts["region_own"], supra, local = {}, 0, {}
    for facet, key, count, without_supra in rows:
        if facet == "supra_national":
            supra = count
        elif facet == "region":
            counts["region_own"][key] = counts["region_own"].get(key, 0) + count
            local[key] = local.get(key, 0) + without_supra
        else:
            counts[facet][key] = count
    # Outside `scope=local`, France's and Europe's programmes apply in every region.
    counts["supra_national"] = 0 if local_only else int(supra)
    counts["region"] = dict(counts["region_own"]) if local_only else {
        code: n + counts["supra_national"] for code, n in local.items()}
    return counts
