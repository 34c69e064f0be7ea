"""The listing's facets as the filter form shows them: each option's value, label and count.

The counts are SQL's (`facet_counts`); the options come from the small reference tables
(regions, themes, audiences) and the kind and status choices.
"""
from core.collation import french_key
from core.directory_version import kept
from territories.models import Territory

from ..models import Audience, Programme, Theme
from ..status import Status
from .facet_counts import FACETS


def facet_choices():
    """{facet: [(value, label)]}, in the request's language."""
    return {
        "region": kept("facet-regions", lambda: list(Territory.objects.regions().values_list("insee_code", "name"))),
        "kind": Programme.Kind.choices,
        "theme": _by_label((t.slug, t.label) for t in kept("facet-themes", lambda: list(Theme.objects.all()))),
        "audience": _by_label((a.slug, a.label) for a in kept("facet-audiences", lambda: list(Audience.objects.all()))),
        "status": Status.choices,
    }


def facet_options(filterset, counts, choices=None):
    """Options for the template: (value, label, count, checked) for each facet."""
    chosen = {name: set(filterset.data.getlist(name)) for name in FACETS}
    return {name: [(value, label, counts[name].get(value, 0), value in chosen[name]) for value, label in items]
            for name, items in (choices or facet_choices()).items()}


def _by_label(options):
    """In French order of the label shown (it depends on the language, so sorted here)."""
    return sorted(options, key=lambda option: french_key(option[1]))
