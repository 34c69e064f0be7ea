"""The published programmes' filters in memory, as bitsets, per directory version and day.

A listing's results are the rows under all its filters, in its order. In SQL that re-runs
the full-text match, the link-table semi-joins and the sort on every request: tenths of a
second at 100,000 programmes. Here each option of the region, kind, theme, audience and
status filters is a bitset of programme ids (a Python int: bit n set for programme n), so
a filter is an OR of its options' bits, the results an AND of the filters and their count
one `int.bit_count()`, microseconds each. Only the full-text match and the actor filter
still run in SQL, once per selection, as id lists. (The facets' counts are SQL's:
`facet_counts`.)

The index is built from the database on first use (four queries) and rebuilt when the
directory version (bumped by every write, see `core.cache`) or the day (statuses) changes,
so it is never staler than the page cache. At 100,000 programmes it holds ~150 bitsets of
12.5 kB each and builds in about a second.
"""
import threading
from array import array
from collections import OrderedDict, defaultdict

from django.db import connection

from core.cache import directory_version
from territories.models import ScopeMap, Territory

from .models import Audience, Programme, Theme
from .status import today

# Searches (and other filters run in SQL) kept as bitsets per index: 12.5 kB each at 100,000 programmes.
KEPT_MATCHES = 256
# Listings' result orders kept per index (4 bytes an id: 400 kB for a search matching 100,000).
KEPT_ORDERS = 64
# The set bits of each byte value, to turn a bitset back into ids quickly.
_BYTE_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def bitset(ids):
    """The bitset (an int) of these non-negative integers."""
    ids = list(ids)
    if not ids:
        return 0
    # One ASCII digit per id, read as a base-2 number: a plain store per id in the loop
    # (half the time of setting bits by shift and OR), the conversion in C.
    digits = bytearray(b"0") * (max(ids) + 1)
    for i in ids:
        digits[i] = 49  # "1"
    digits.reverse()
    return int(digits, 2)


def members(bits):
    """The set bits of `bits`, ascending."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    found = []
    for position, byte in enumerate(data):
        if byte:
            base = position << 3
            found.extend(base + bit for bit in _BYTE_BITS[byte])
    return found


def union(bitsets):
    result = 0
    for bits in bitsets:
        result |= bits
    return result


def _rows(queryset):
    """The rows as the driver gives them: the ORM's per-row work costs seconds on 300,000 links."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _grouped(pairs):
    """{key: bitset of ids} from (id, key) pairs."""
    groups = defaultdict(list)
    for pk, key in pairs:
        groups[key].append(pk)
    return {key: bitset(ids) for key, ids in groups.items()}


class FacetIndex:
    """Bitsets of the published programmes: by kind, status (on `on`), theme, audience and
    territory, with the territory closure to answer "applies in X" as `TerritoryScope` does."""

    def __init__(self, on):
        rows = _rows(Programme.objects.published().with_status(on).order_by().values_list("id", "kind", "computed_status"))
        self.published = bitset(pk for pk, _kind, _status in rows)
        self.kind = _grouped((pk, kind) for pk, kind, _status in rows)
        self.status = _grouped((pk, status) for pk, _kind, status in rows)
        # Links of unpublished programmes too: every use ANDs with `published`.
        self.theme = _grouped(_rows(Programme.themes.through.objects.values_list("programme_id", "theme_id")))
        self.audience = _grouped(_rows(Programme.audiences.through.objects.values_list("programme_id", "audience_id")))
        self.territory = _grouped(_rows(Programme.territories.through.objects.values_list("programme_id", "territory_id")))
        # The facets' options too (their labels are read in the request's language).
        self.themes, self.audiences = list(Theme.objects.all()), list(Audience.objects.all())
        self.region_names = list(Territory.objects.regions().values_list("insee_code", "name"))
        self.scopes = ScopeMap()
        self._applies = {}
        self._matches = _Recent(KEPT_MATCHES)
        self._orders = _Recent(KEPT_ORDERS)

    def matches(self, key, fetch):
        """The bitset of a filter run in SQL (`fetch()`: its ids), kept for the next requests
        with the same `key` until the next write (a new index)."""
        return self._matches.get(key, lambda: bitset(fetch()))

    def order(self, key, fetch):
        """A listing's result ids in its order (`fetch()`: the ids, ordered in SQL), kept for
        its next pages and requests until the next write: ranking a search reads every
        result's search vector."""
        return self._orders.get(key, lambda: array("l", fetch()))

    def applies(self, territory_id, *, local_only=False):
        """Programmes with a territory inside or containing this one (France and Europe
        left out of the containing ones when `local_only`)."""
        key = (territory_id, local_only)
        if key not in self._applies:
            scope = self.scopes.applies_ids(territory_id, local_only=local_only)
            self._applies[key] = union(self.territory.get(t, 0) for t in scope)
        return self._applies[key]


class _Recent:
    """The last `size` values computed, by key (the least recently used go first); thread-safe.

    A key is computed by one thread at a time: requests arriving meanwhile for the same key
    wait for its value instead of each running the same costly query (sixteen at once after
    a write stalled every thread for seconds)."""

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()
        self._computing = {}

    def get(self, key, compute):
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:  # other keys go on meanwhile
            with self._lock:
                if key in self._values:
                    return self._values[key]
            value = compute()
            with self._lock:
                self._values[key] = value
                self._computing.pop(key, None)
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
        return value


_lock = threading.Lock()
_current = {}


def facet_index():
    """The index for the current directory version and day (built at most once per process)."""
    key = (directory_version()[0], today(), connection.alias, connection.settings_dict["NAME"])
    index = _current.get(key)
    if index is None:
        with _lock:
            index = _current.get(key)
            if index is None:
                index = FacetIndex(key[1])
                _current.clear()
                _current[key] = index
    return index


def clear():
    """Forget the index (tests that write without bumping the directory version)."""
    _current.clear()
