"""The listing's results from the facet index, and its facets' options for the form.

`Selection` reads the results off the in-memory bitsets of `facet_index` (microseconds),
after at most one SQL query per filter the index does not hold (the full-text match, the
actor), kept until the next write: the listing's query count does not grow with the number
of rows. The facets' counts are SQL's (`facet_counts`).
"""
from collections.abc import Sequence

from core.collation import french_key
from search.index import index_scans

from .facet_counts import FACETS, active_filters
from .facet_index import facet_index, members, union
from .models import Programme
from .status import Status

# Filters the index answers in memory; every other active filter runs in SQL once.
IN_MEMORY = ("region", "department", "kind", "theme", "audience", "status")


class Selection:
    """The listing's valid filters as bitsets, and the results: the rows under all of them.
    One FilterSet decides: filters outside the index run its own filter method on the whole
    table."""

    def __init__(self, filterset, index=None):
        self.filterset = filterset
        self.index = index or facet_index()
        self.local_only = filterset.form.cleaned_data.get("scope") == "local"
        self.filters = {name: self._in_memory(name, value) if name in IN_MEMORY else self._in_sql(name, value)
                        for name, value in active_filters(filterset).items()}

    def _in_memory(self, name, value):
        index = self.index
        if name in ("region", "department"):
            return index.applies(value.id, local_only=self.local_only)
        keys = [item.id for item in value] if name in ("theme", "audience") else value
        return union(getattr(index, name).get(key, 0) for key in keys)

    def _in_sql(self, name, value):
        def fetch():
            rows = self.filterset.filters[name].filter(Programme.objects.with_status(), value)
            with index_scans():
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


def facet_choices(index=None):
    """{facet: [(value, label)]}: the regions, themes and audiences as the facet index read
    them (no query), in the request's language."""
    index = index or facet_index()
    return {
        "region": index.region_names,
        "kind": Programme.Kind.choices,
        "theme": _by_label((t.slug, t.label) for t in index.themes),
        "audience": _by_label((a.slug, a.label) for a in index.audiences),
        "status": Status.choices,
    }


def facet_options(filterset, counts, index=None):
    """Options for the template: (value, label, count, checked) for each facet."""
    chosen = {name: set(filterset.data.getlist(name)) for name in FACETS}
    return {name: [(value, label, counts[name].get(value, 0), value in chosen[name]) for value, label in items]
            for name, items in facet_choices(index).items()}


def _by_label(options):
    """In French order of the label shown (it depends on the language, so sorted here)."""
    return sorted(options, key=lambda option: french_key(option[1]))
