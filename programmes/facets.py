"""Facet counts: for each option, how many results it would give under the other filters.

Computed on the in-memory bitsets of `facet_index` (microseconds per count), after at most
one SQL query per filter the index does not hold (the full-text match, the actor), so the
listing's query count does not grow with the number of rows or options.
"""
from collections.abc import Sequence

from django.db import connection

from core.collation import french_key

from .facet_index import facet_index, members, union
from .models import Programme
from .status import Status

FACETS = ("region", "kind", "theme", "audience", "status")
# Filters the index answers in memory; every other active filter runs in SQL once.
IN_MEMORY = ("region", "department", "kind", "theme", "audience", "status")


class Selection:
    """The listing's valid filters as bitsets: the results, and each facet's row set (every
    filter but its own). One FilterSet decides: filters outside the index run its own
    filter method on the whole table."""

    def __init__(self, filterset, index=None):
        self.filterset = filterset
        self.index = index or facet_index()
        data = filterset.form.cleaned_data
        self.local_only = data.get("scope") == "local"
        self.filters = {}
        for name, value in data.items():
            if _empty(value) or name not in filterset.filters or _is_noop(filterset.filters[name]):
                continue
            self.filters[name] = self._in_memory(name, value) if name in IN_MEMORY else self._in_sql(name, value)

    def _in_memory(self, name, value):
        index = self.index
        if name in ("region", "department"):
            return index.applies(value.id, local_only=self.local_only)
        keys = [item.id for item in value] if name in ("theme", "audience") else value
        return union(getattr(index, name).get(key, 0) for key in keys)

    def _in_sql(self, name, value):
        def fetch():
            rows = self.filterset.filters[name].filter(Programme.objects.with_status(), value)
            with _index_scans():
                return list(rows.order_by().values_list("id", flat=True))

        # Keyed by the raw parameter: the same words give the same rows until the next write.
        return self.index.matches((name, tuple(self.filterset.data.getlist(name))), fetch)

    def without(self, *names):
        """The rows under every filter but `names`."""
        bits = self.index.published
        for name, filter_bits in self.filters.items():
            if name not in names:
                bits &= filter_bits
        return bits

    @property
    def active(self):
        return bool(self.filters)

    def result_count(self):
        return self.without().bit_count()

    def result_ids(self):
        return members(self.without())

    def in_order(self, everything):
        """The results in the order of `everything` (every published id, in one order): a
        subset keeps the order of the whole, so only ranking needs SQL per selection."""
        return OrderedSubset(everything, self.without(), self.result_count())

    def ordered_ids(self, order):
        """The result ids in the order of `order(ids)` (a queryset of these ids, ordered), kept
        until the next write for every page of the same filters and sort: sorting 100,000
        rows by deadline, or ranking a search's matches, is done once."""
        params = tuple(sorted((name, tuple(values)) for name, values in self.filterset.data.lists() if name != "page"))
        return self.index.order(params, lambda: list(order(self.result_ids()).values_list("id", flat=True)))

    def counts(self):
        """{facet: {value: count}}, and the region's own and the national/European counts apart."""
        index = self.index
        count = lambda rows, groups: {key: (rows & bits).bit_count() for key, bits in groups.items()}  # noqa: E731
        regions = self.without("region")
        supra = index.supra_national()
        return {
            "region": {code: (regions & index.applies(pk, local_only=self.local_only)).bit_count() for pk, code in index.regions},
            "region_own": {code: (regions & index.applies(pk, local_only=True)).bit_count() for pk, code in index.regions},
            "supra_national": (regions & supra).bit_count() if not self.local_only else 0,
            "kind": count(self.without("kind"), index.kind),
            "theme": _by_slug(count(self.without("theme"), index.theme), index.theme_slugs),
            "audience": _by_slug(count(self.without("audience"), index.audience), index.audience_slugs),
            "status": count(self.without("status"), index.status),
        }


class OrderedSubset(Sequence):
    """The ids of `order` whose bit is set in `bits`, read up to the page asked for: the first
    page of a large result stops after a few dozen ids, the last one walks them all (~10 ms
    at 100,000)."""

    def __init__(self, order, bits, count):
        self.order, self.count = order, count
        self._bytes = bits.to_bytes((bits.bit_length() + 7) // 8, "little")

    def __len__(self):
        return self.count

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window:window + 1][0]
        stop = window.stop if window.stop is not None else self.count
        data, size, found = self._bytes, len(self._bytes), []
        for pk in self.order:
            if pk >> 3 < size and data[pk >> 3] >> (pk & 7) & 1:
                found.append(pk)
                if len(found) >= stop:
                    break
        return found[window]


def _by_slug(counts, slugs):
    return {slugs[pk]: n for pk, n in counts.items() if pk in slugs}


def _empty(value):
    # An empty choice of objects is `QuerySet.none()`: its len() runs no query.
    return value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0)


def _is_noop(filter_):
    return getattr(filter_, "method", None) == "filter_noop"


class _index_scans:
    """On PostgreSQL, fetch a filter's ids from the indexes (a bitmap of the search index),
    never by reading every row: a full-text match on most rows looks cheap to the planner
    as a sequential scan, which then decompresses every row's search vector (seconds)."""

    def __enter__(self):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")

    def __exit__(self, *exc):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("RESET enable_seqscan")


def facet_counts(filterset, selection=None):
    """{facet: {value: count}} for the filters of a valid ProgrammeFilter.

    Each facet counts the rows under every other filter (its own options stay open)."""
    return (selection or Selection(filterset)).counts()


def facet_options(filterset, counts, index=None):
    """Options for the template: (value, label, count, checked) for each facet (the regions,
    themes and audiences as the facet index read them: no query)."""
    index = index or facet_index()
    params = filterset.data
    chosen = {name: set(params.getlist(name)) for name in FACETS}
    build = lambda name, items: [(v, label, counts[name].get(v, 0), v in chosen[name]) for v, label in items]  # noqa: E731
    return {
        "region": build("region", index.region_names),
        "kind": build("kind", Programme.Kind.choices),
        "theme": build("theme", _by_label((t.slug, t.label) for t in index.themes)),
        "audience": build("audience", _by_label((a.slug, a.label) for a in index.audiences)),
        "status": build("status", Status.choices),
    }



def _by_label(options):
    """In French order of the label shown (it depends on the language, so sorted here)."""
    return sorted(options, key=lambda option: french_key(option[1]))
