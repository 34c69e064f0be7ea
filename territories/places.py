"""Communes a visitor names ("Où êtes-vous ?"): by their name or a postal code.

The suggestions answer from the (kind, name) and (kind, postal code) prefix indexes (`PrefixIndex`)
first: what a visitor types is mostly the start of the name ("ren" → Rennes). Only when those give
fewer than asked does `find_communes` complete them with a later word ("aubin" → Saint-Aubin) or a
postal code after the first, which reads every commune (about 10 ms for 35,000)."""
from django.db.models import Case, F, IntegerField, When

from .models import Territory, place_key

SUGGESTIONS = 10
MIN_LENGTH = 2
# A results page lists at most this many communes (the most populated first).
LISTED = 50


def place_label(commune):
    """"Rennes (35)": a commune by its name and its department's code."""
    code = getattr(commune, "department_code", None)
    return f"{commune.name} ({code})" if code else commune.name


def full_label(commune):
    """"Saint-Aubin (Aube, 10)": what tells homonyms apart."""
    code, name = getattr(commune, "department_code", None), getattr(commune, "department_name", None)
    return f"{commune.name} ({name}, {code})" if code else commune.name


def suggest_communes(text, *, limit=SUGGESTIONS):
    """At most `limit` communes for `text` (the exact name first, then the most populated),
    with their department; none under MIN_LENGTH characters."""
    key = place_key(text)
    if len(key.replace(" ", "")) < MIN_LENGTH:
        return []
    digits = key.replace(" ", "")
    communes = Territory.objects.communes()
    starting = communes.filter(postal_codes__startswith=digits) if digits.isdigit() else communes.filter(search_name__startswith=key)
    ids = list(_ordered(starting, key).values_list("id", flat=True)[:limit])
    if len(ids) < limit:
        more = Territory.objects.find_communes(text).exclude(id__in=ids).values_list("id", flat=True)[:limit - len(ids)]
        ids += list(more)
    return _with_departments(ids)


def where_matches(text):
    """(communes, more): the communes `text` names, as the results page lists them. A name
    some communes bear exactly gives those only (homonyms: "Saint-Aubin"), else every commune
    whose name starts with it, or with that postal code; `more` when past LISTED."""
    key = place_key(text)
    found = Territory.objects.find_communes(text)
    exact = found.filter(search_name=key)
    if not key.replace(" ", "").isdigit() and exact.exists():
        found = exact
    ids = list(found.values_list("id", flat=True)[:LISTED + 1])
    return _with_departments(ids[:LISTED]), len(ids) > LISTED


def _ordered(communes, key):
    exact = Case(When(search_name=key, then=0), default=1, output_field=IntegerField())
    return communes.order_by(exact, F("population").desc(nulls_last=True), "name", "id")


def _with_departments(ids):
    """The communes of `ids`, in that order, with their department (one query)."""
    rows = {row.id: row for row in Territory.objects.filter(id__in=ids).with_department()}
    return [rows[pk] for pk in ids if pk in rows]
