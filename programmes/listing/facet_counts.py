"""Facet counts in SQL: for each option, how many results it would give under the other filters.

One statement whatever the number of rows or options. Its one filtered subquery (`WITH f`)
holds the rows under every filter that is not a facet (the words, the actor, the
department), with a 0/1 flag per facet filter in use: the FilterSet's own `condition`, on the
row's own columns, so the counts follow the listing's filters by construction. Each facet is
then a GROUP BY over `f` keeping the rows that pass every flag but its own (its own options
stay open); themes, audiences and regions group the elements of the row's arrays
(`listing.keys`), so no link table is joined.

A region R counts the programmes with a territory inside R (the key R) plus the national and
European ones (applying everywhere), each once: own(R) + national − own and national(R).
"""
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from core.arrays import elements_join
from core.directory_version import kept
from search.index import index_scans
from territories.models import Territory

from ..models import Audience, Theme
from .keys import national_keys

FACETS = ("region", "kind", "theme", "audience", "status")


def active_filters(filterset):
    """{name: value} of the valid filters that restrict the rows (not sort, not scope)."""
    data = filterset.form.cleaned_data
    return {name: value for name, value in data.items()
            if name in filterset.filters and not _empty(value) and getattr(filterset.filters[name], "method", None) != "filter_noop"}


def _empty(value):
    # An empty choice of objects is `QuerySet.none()`: its len() runs no query.
    return value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0)


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def filtered_rows(filterset, active, supra_ids):
    """The rows under every filter but the facets, with the facets' flags; SQL, params and column names."""
    rows = filterset.queryset.prefetch_related(None).order_by()
    for name, value in active.items():
        if name not in FACETS:
            rows = filterset.filters[name].filter(rows, value)
    flags = {f"in_{name}": _flag(filterset.condition(name, value)) for name, value in active.items() if name in FACETS}
    national = _flag(Q(territory_keys__overlaps=national_keys(supra_ids)))
    rows = rows.annotate(**flags, national=national).values(
        "id", "kind", "computed_status", "territory_keys", "theme_ids", "audience_ids", "national", *flags).order_by()
    sql, params = rows.query.sql_with_params()
    return sql, params, list(rows.query.selected)  # the select list's names, in its order


def _branches(passing):
    """The GROUP BYs: (facet, key, count, count of national rows); elements of the arrays are
    named by joining their (small) tables."""
    quote = connection.ops.quote_name
    table = lambda model: quote(model._meta.db_table)  # noqa: E731
    elements = lambda column: elements_join(connection, f"f.{column}", "e")  # noqa: E731
    return [
        f"SELECT 'kind', f.kind, COUNT(*), 0 FROM f WHERE {passing('kind')} GROUP BY f.kind",
        f"SELECT 'status', f.computed_status, COUNT(*), 0 FROM f WHERE {passing('status')} GROUP BY f.computed_status",
        f"SELECT 'theme', t.slug, COUNT(*), 0 FROM f {elements('theme_ids')} JOIN {table(Theme)} t ON t.id = e.value"
        f" WHERE {passing('theme')} GROUP BY t.slug",
        f"SELECT 'audience', a.slug, COUNT(*), 0 FROM f {elements('audience_ids')} JOIN {table(Audience)} a ON a.id = e.value"
        f" WHERE {passing('audience')} GROUP BY a.slug",
        f"SELECT 'region', r.insee_code, COUNT(*), SUM(f.national) FROM f {elements('territory_keys')}"
        f" JOIN {table(Territory)} r ON r.id = e.value AND r.kind = %s WHERE {passing('region')} GROUP BY r.insee_code",
        f"SELECT 'region', r.insee_code, 0, 0 FROM {table(Territory)} r WHERE r.kind = %s",
        f"SELECT 'national', NULL, COALESCE(SUM(f.national), 0), 0 FROM f WHERE {passing('region')}",
    ]


def facet_counts(filterset):
    """{facet: {value: count}} for a valid ProgrammeFilter; the region's own counts
    (`region_own`) and the national and European programmes (`supra_national`) apart."""
    active = active_filters(filterset)
    supra_ids = kept("supra-national-ids", lambda: list(Territory.objects.filter(kind__in=Territory.SUPRA_NATIONAL).values_list("id", flat=True)))
    sql, params, names = filtered_rows(filterset, active, supra_ids)
    flags = [name for name in FACETS if name in active]

    def passing(facet):
        return " AND ".join([f"f.in_{name} = 1" for name in flags if name != facet] or ["1 = 1"])

    columns = ", ".join(connection.ops.quote_name(name) for name in names)
    statement = f"WITH f ({columns}) AS ({sql}) " + " UNION ALL ".join(_branches(passing))
    # From the indexes (a bitmap of the full-text and array GIN indexes), never by reading every
    # row: for a word found in most rows the planner would scan the table and decompress each
    # row's search vector.
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(statement, [*params, Territory.Kind.REGION, Territory.Kind.REGION])
        rows = cursor.fetchall()
    return _counts(rows, local_only=filterset.form.cleaned_data.get("scope") == "local")


def _counts(rows, *, local_only):
    counts = {name: {} for name in FACETS}
    own, national, own_national = {}, 0, {}
    for facet, key, count, with_national in rows:
        if facet == "national":
            national = int(count)
        elif facet == "region":
            own[key] = own.get(key, 0) + count
            own_national[key] = own_national.get(key, 0) + int(with_national or 0)
        else:
            counts[facet][key] = count
    # Outside `scope=local`, France's and Europe's programmes apply in every region, once.
    counts["region_own"] = own
    counts["supra_national"] = 0 if local_only else national
    counts["region"] = dict(own) if local_only else {code: n + national - own_national[code] for code, n in own.items()}
    return counts
