"""Load the demo data (programmes/demo_data.py) idempotently.

An entry is only written when something differs, so a second run changes
nothing: no new rows, no new history records, no bumped timestamps.
"""
from django.db import transaction
from django.utils import timezone

from actors.geography import load_geography
from actors.models import Actor, PublicationState, Territory

from . import demo_data
from .models import Audience, FundedProject, Programme, ProgrammeActor, Theme

PUBLISHED = PublicationState.PUBLISHED


def _territory(key, cache):
    if key is None:
        return None
    if key not in cache:
        kind, code = key
        cache[key] = Territory.objects.get(kind=kind, insee_code=code)
    return cache[key]


def _sync(model, slug, values):
    """Create or update the row with `slug` so its fields equal `values`."""
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        extra = {"publication_state": PUBLISHED, "published_at": timezone.now()} if hasattr(model, "publication_state") else {}
        return model.objects.create(slug=slug, **values, **extra)
    changed = {field: value for field, value in values.items() if getattr(obj, field) != value}
    if changed:
        for field, value in changed.items():
            setattr(obj, field, value)
        obj.save()
    return obj


def _sync_m2m(manager, wanted):
    if set(manager.all()) != set(wanted):
        manager.set(wanted)


def _load_reference_lists():
    for position, (slug, name, name_en) in enumerate(demo_data.THEMES):
        _sync(Theme, slug, {"name": name, "name_en": name_en, "position": position})
    for position, (slug, name, name_en) in enumerate(demo_data.AUDIENCES):
        _sync(Audience, slug, {"name": name, "name_en": name_en, "position": position})


def _load_actors(territories):
    for row in demo_data.ACTORS:
        values = {k: row[k] for k in ("name", "acronym", "kind", "website", "description")}
        values["seat"] = _territory(row["seat"], territories)
        values["source"] = demo_data.SOURCES[row["source"]]
        _sync(Actor, row["slug"], values)


PROGRAMME_FIELDS = (
    "title", "kind", "summary", "description", "opens_on", "deadline", "recurrence",
    "total_budget", "amount_min", "amount_max", "website", "contact_name", "contact_email",
)


def _load_programme(row, territories, actors):
    values = {k: row[k] for k in PROGRAMME_FIELDS}
    values["source"] = demo_data.SOURCES[row["source"]]
    programme = _sync(Programme, row["slug"], values)
    _sync_m2m(programme.themes, Theme.objects.filter(slug__in=row["themes"]))
    _sync_m2m(programme.audiences, Audience.objects.filter(slug__in=row["audiences"]))
    _sync_m2m(programme.territories, [_territory(key, territories) for key in row["territories"]])
    wanted = {(actors[slug].id, role) for slug, role in row["roles"]}
    current = set(programme.roles.values_list("actor_id", "role"))
    for actor_id, role in current - wanted:
        programme.roles.filter(actor_id=actor_id, role=role).delete()
    for actor_id, role in sorted(wanted - current):
        ProgrammeActor.objects.create(programme=programme, actor_id=actor_id, role=role)
    return programme


def _load_project(row, territories, actors, programmes):
    values = {k: row[k] for k in ("title", "year", "awarded_on", "amount", "description", "website")}
    values.update(
        programme=programmes[row["programme"]],
        beneficiary=actors[row["beneficiary"]],
        territory=_territory(row["territory"], territories),
        source=demo_data.SOURCES[row["source"]],
    )
    project = _sync(FundedProject, row["slug"], values)
    _sync_m2m(project.partners, [actors[slug] for slug in row["partners"]])


@transaction.atomic
def load_demo_data():
    """Load geography, reference lists, actors, programmes and projects. Returns counts."""
    load_geography()
    _load_reference_lists()
    territories = {}
    _load_actors(territories)
    actors = {a.slug: a for a in Actor.objects.all()}
    programmes = {row["slug"]: _load_programme(row, territories, actors) for row in demo_data.PROGRAMMES}
    for row in demo_data.PROJECTS:
        _load_project(row, territories, actors, programmes)
    return {
        "territories": Territory.objects.count(),
        "actors": Actor.objects.count(),
        "programmes": Programme.objects.count(),
        "funded_projects": FundedProject.objects.count(),
    }
