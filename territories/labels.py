"""Territories named for a person, each name naming one territory only.

The French spreadsheet exports name territories rather than code them; a name two territories
share (La Réunion, region and department; the many Saint-Denis) gets its type, and its code
when the type is not enough. The import reads the same labels back, so both ends use `labelled`.
"""
from collections import Counter

from django.db.models import Subquery
from django.utils import translation

from .codes import join_code
from .models import Territory


def labelled(territories):
    """{code: label} of `territories` (name, kind, INSEE code), given with every territory sharing one of their names."""
    territories = list(territories)
    names = Counter(name for name, _kind, _code in territories)
    kinds = Counter((name, kind) for name, kind, _code in territories)
    with translation.override("fr"):
        kind_labels = {value: str(label) for value, label in Territory.Kind.choices}
    labels = {}
    for name, kind, code in territories:
        label = name
        if names[name] > 1:
            label = f"{name} ({kind_labels.get(kind, kind)})" if kinds[name, kind] == 1 else f"{name} ({kind_labels.get(kind, kind)} {code})"
        labels[join_code(kind, code)] = label
    return labels


def labels_of(names):
    """{code: label} of the territories with these names (a queryset of names, or a list)."""
    if not isinstance(names, list):
        names = Subquery(names)
    return labelled(Territory.objects.filter(name__in=names).values_list("name", "kind", "insee_code"))


def codes_of(labels):
    """{label: code} for the `labels` naming one territory (a plain name or `labelled`'s form)."""
    names = set()
    for label in labels:
        names.add(label)
        if label.endswith(")") and " (" in label:
            names.add(label.rsplit(" (", 1)[0])
    found = {}
    names = sorted(names)
    for start in range(0, len(names), 500):  # SQLite's limit on parameters
        found.update(labels_of(names[start:start + 500]))
    return {label: code for code, label in found.items()}
