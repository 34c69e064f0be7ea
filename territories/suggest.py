"""The known territory closest to an unknown code or name: what an import's error suggests.

A code of a known kind is compared with that kind's codes sharing its first digits (`DEP-2C`
→ `DEP-2A`, `COM-35239` → `COM-35238`); any other text with the names (`Bretagen` → Bretagne,
a commune only when its name is given exactly)."""
import difflib

from django.db.models import Case, F, IntegerField, When

from .codes import SEPARATOR, normalized_or_none
from .models import Territory, place_key


def closest_territory(text):
    code = normalized_or_none(text)
    if code is not None:
        return _by_code(*code.split(SEPARATOR, 1))
    return _by_name(text)


def _by_code(kind, insee_code):
    # Written alike in the COG: EPCI and EPT, communes and overseas collectivities (COM-975).
    kinds = {Territory.Kind.EPCI: [kind, Territory.Kind.EPT], Territory.Kind.COMMUNE: [kind, Territory.Kind.COLLECTIVITY]}.get(kind, [kind])
    territories = Territory.objects.filter(kind__in=kinds)
    if kind == Territory.Kind.COMMUNE or len(insee_code) > 5:  # many codes: those of the same department
        territories = territories.filter(insee_code__startswith=insee_code[:2])
    codes = dict(territories.values_list("insee_code", "id"))
    best = max(sorted(codes), key=lambda known: _likeness(insee_code, known), default=None)
    if best is None or _likeness(insee_code, best)[1] < 0.5:
        return None
    return Territory.objects.get(id=codes[best])


def _likeness(wanted, known):
    """The longest common start first (codes are hierarchical: 35… is Ille-et-Vilaine), then the
    similarity, then the closer length and number (the smallest code wins the last ties)."""
    start = next((i for i, (a, b) in enumerate(zip(wanted, known)) if a != b), min(len(wanted), len(known)))
    return start, difflib.SequenceMatcher(None, wanted, known).ratio(), -abs(len(wanted) - len(known)), _distance(wanted, known)


def _distance(wanted, known):
    return -abs(int(wanted) - int(known)) if wanted.isdigit() and known.isdigit() else 0


def _by_name(text):
    key = place_key(text)
    if not key:
        return None
    communes_last = Case(When(kind=Territory.Kind.COMMUNE, then=1), default=0, output_field=IntegerField())
    same = Territory.objects.filter(search_name=key).order_by(communes_last, F("population").desc(nulls_last=True), "id").first()
    if same is not None:
        return same
    names = dict(Territory.objects.exclude(kind=Territory.Kind.COMMUNE).values_list("search_name", "id"))
    best = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return Territory.objects.get(id=names[best[0]]) if best else None
