"""Facet counts: for each option, how many results it would give under the other filters.

One query per facet whatever the number of results, so the listing's query
count does not grow with the page size.
"""
from django.db.models import Count

from territories.models import Territory

from .models import Audience, Programme, Theme
from .status import Status

FACETS = ("region", "kind", "theme", "audience", "status")


def _without(params, name):
    reduced = params.copy()
    reduced.pop(name, None)
    reduced.pop("page", None)
    return reduced


def _filtered(filterset_class, params, name, base):
    """The rows under every filter but `name`'s own (a facet counts its own options)."""
    return filterset_class(_without(params, name), queryset=base).qs.order_by()


def _ids(filterset_class, params, name, base):
    return _filtered(filterset_class, params, name, base).values("id")


def _count_column(rows, column):
    """GROUP BY on the filtered rows themselves (not `id IN (…)` of the same table again)."""
    return dict(rows.values_list(column).annotate(n=Count("id")))


def _count_m2m(ids, relation):
    through = getattr(Programme, relation).through.objects
    column = f"{relation[:-1]}__slug"
    return dict(through.filter(programme_id__in=ids).values_list(column).annotate(n=Count("programme_id", distinct=True)))


def _count_region(ids, local_only):
    """Per region: programmes that apply in it (national/European ones too unless local_only)."""
    links = Programme.territories.through.objects.filter(programme_id__in=ids)
    return Territory.objects.regions().count_applying(links, object_field="programme_id", local_only=local_only)


def facet_counts(filterset):
    """{facet: {value: count}} for the filters of a bound ProgrammeFilter."""
    params = filterset.data
    base = filterset.queryset
    cls = type(filterset)
    local_only = params.get("scope") == "local"
    return {
        "region": _count_region(_ids(cls, params, "region", base), local_only),
        "kind": _count_column(_filtered(cls, params, "kind", base), "kind"),
        "theme": _count_m2m(_ids(cls, params, "theme", base), "themes"),
        "audience": _count_m2m(_ids(cls, params, "audience", base), "audiences"),
        "status": _count_column(_filtered(cls, params, "status", base), "computed_status"),
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

