"""Writes to the geography: every change of parents brings the closure up to date, explicitly.

Reference data stays out of the editorial workflow: no history, no revision, no publication."""
from collections import Counter, defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from core.directory_version import bump_directory_version

from . import geography_loader
from .models import Territory, TerritoryClosure, TerritoryScope

# Called after the territory tree changed, in its transaction: what copies the closure (the
# programmes' territory keys) registers here, since this app cannot import the apps above it.
_tree_listeners = []


def on_tree_change(listener):
    _tree_listeners.append(listener)


def _tree_changed():
    for listener in _tree_listeners:
        listener()


def rebuild_closure(territory=None):
    """The closure rows of `territory` and of the territories inside it (None: of every territory)."""
    ids = None
    if territory is not None:
        ids = {territory.id, *(row["descendant_id"] for row in TerritoryScope(territory).inside())}
    geography_loader.rebuild_closure(Territory, TerritoryClosure, ids)


def check_parents(territory, parents):
    """A commune belongs to one EPCI and one EPT at most: raise ValidationError otherwise."""
    if territory.kind != Territory.Kind.COMMUNE:
        return
    kinds = Counter(parent.kind for parent in parents)
    for kind in Territory.ONE_PER_COMMUNE:
        if kinds[kind] > 1:
            raise ValidationError(_("Une commune appartient à une seule intercommunalité (%(kind)s).") % {"kind": kind.upper()})


@transaction.atomic
def set_parents(territory, parents):
    """Give `territory` these direct parents and bring the closure up to date."""
    check_parents(territory, parents)
    territory.parents.set(parents)
    rebuild_closure(territory)
    _tree_changed()


def references(ids):
    """{territory id: ["3 programmes", …]}: what still names these territories (history aside)."""
    found = defaultdict(list)
    for rel in Territory._meta.related_objects:
        model = rel.related_model
        if model in (Territory, TerritoryClosure) or getattr(rel, "on_delete", None) is models.DO_NOTHING:
            continue
        name = rel.field.name
        counts = Counter(model._base_manager.filter(**{f"{name}__in": ids}).values_list(name, flat=True))
        for territory_id, count in counts.items():
            found[territory_id].append(f"{count} {model._meta.verbose_name_plural}")
    return found


def _remove(report, gone):
    """Delete the territories the COG no longer has, unless something still names them (reported)."""
    rows = {(kind, code): (pk, name) for pk, kind, code, name in Territory.objects.values_list("id", "kind", "insee_code", "name")}
    named = references([rows[key][0] for key in gone])
    deleted = []
    for kind, code in gone:
        pk, name = rows[kind, code]
        label = f"{kind}:{code} {name}"
        if pk in named:
            report.kept.append((label, ", ".join(named[pk])))
        else:
            report.removed.append(label)
            deleted.append(pk)
    Territory.objects.filter(id__in=deleted).delete()


@transaction.atomic
def load_geography(*, communes=None, remove=False):
    """Load or refresh the reference geography; idempotent (a second run writes nothing). A LoadReport.

    `communes`: None follows `settings.GEOGRAPHY_COMMUNES`. `remove`: delete the territories
    the file no longer lists, except those still named (the refresh command)."""
    # Bulk writes send no signal: the directory version is bumped in their transaction.
    bump_directory_version()
    if communes is None:
        communes = getattr(settings, "GEOGRAPHY_COMMUNES", True)
    report = geography_loader.load_reference(Territory, TerritoryClosure, communes=communes, remove=_remove if remove else None)
    _tree_changed()
    return report
