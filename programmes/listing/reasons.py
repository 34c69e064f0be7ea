"""Why a programme appears for the territory a visitor asked about."""
from django.utils.translation import gettext as _

from territories.models import Territory, TerritoryScope


def explain(programme, territory, inside, containing):
    """A short sentence; local reasons win over national ones."""
    territories = list(programme.territories.all())
    for t in territories:
        if t.id == territory.id:
            return _("Couvre %(name)s") % {"name": territory.name}
    for t in territories:
        if t.id in inside:
            return _("%(name)s, dans ce territoire") % {"name": t.name}
    for t in territories:
        if t.id in containing:
            if t.kind == Territory.Kind.CONTINENT:
                return _("Programme européen")
            if t.kind == Territory.Kind.COUNTRY:
                return _("Programme national")
            return _("Couvre %(name)s, qui inclut ce territoire") % {"name": t.name}
    return ""


def annotate_reasons(programmes, territory):
    if territory is None:
        return
    # Two queries, whatever the page size.
    scope = TerritoryScope(territory)
    for programme in programmes:
        programme.why = explain(programme, territory, scope.inside_ids, scope.containing_ids)
