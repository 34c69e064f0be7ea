"""Load the reference geography (Europe, France, regions, departments, EPCIs)."""
from django.db import transaction
from django.utils.text import slugify

from . import geo_data
from .models import Territory
from .signals import closure_rebuilt_once

Kind = Territory.Kind


def _upsert(kind, code, name, slug, parents):
    territory, _ = Territory.objects.update_or_create(
        kind=kind, insee_code=code, defaults={"name": name, "slug": slug}
    )
    current = set(territory.parents.values_list("id", flat=True))
    wanted = {p.id for p in parents}
    if current != wanted:
        territory.parents.set(parents)
    return territory


@transaction.atomic
def load_geography():
    """Idempotent: running it again changes nothing. Returns the number of territories."""
    with closure_rebuilt_once():
        europe = _upsert(Kind.CONTINENT, "EU", "Union européenne", "europe", [])
        france = _upsert(Kind.COUNTRY, "FR", "France", "france", [europe])
        regions = {
            code: _upsert(Kind.REGION, code, name, slugify(name), [france]) for code, name in geo_data.REGIONS
        }
        departments = {
            code: _upsert(Kind.DEPARTMENT, code, name, f"{code.lower()}-{slugify(name)}", [regions[region]])
            for code, name, region in geo_data.DEPARTMENTS
        }
        for siren, name, department in geo_data.EPCIS:
            _upsert(Kind.EPCI, siren, name, slugify(name), [departments[department]])
    return Territory.objects.count()


def region(code):
    return Territory.objects.get(kind=Kind.REGION, insee_code=code)


def department(code):
    return Territory.objects.get(kind=Kind.DEPARTMENT, insee_code=code)
