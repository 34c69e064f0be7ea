"""Why a programme appears for the territory a visitor asked about."""
from django.utils.translation import gettext as _

from actors.models import Territory, TerritoryClosure


def territory_context(territory):
    """Ids inside and containing `territory` — two queries, whatever the page size."""
    inside = set(TerritoryClosure.objects.filter(ancestor=territory).values_list("descendant_id", flat=True))
    containing = set(TerritoryClosure.objects.filter(descendant=territory).values_list("ancestor_id", flat=True))
    return inside, containing


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
    inside, containing = territory_context(territory)
    for programme in programmes:
        programme.why = explain(programme, territory, inside, containing)
