import pytest

from territories.models import Territory, TerritoryClosure
from territories.services import load_geography

pytestmark = pytest.mark.django_db


def test_reference_geography_counts(geography):
    assert Territory.objects.filter(kind="region").count() == 18
    assert Territory.objects.filter(kind="department").count() == 101
    assert Territory.objects.filter(kind="country").get().name == "France"


@pytest.mark.parametrize(
    "department, region",
    [("69", "84"), ("21", "27"), ("76", "28"), ("35", "53"), ("14", "28"), ("2A", "94"), ("974", "04"), ("976", "06"), ("67", "44")],
)
def test_departments_belong_to_their_2016_region(geography, department, region):
    dept = Territory.objects.get(kind="department", insee_code=department)
    assert dept.parents.get().insee_code == region


def test_every_department_has_exactly_one_region_parent(geography):
    for dept in Territory.objects.filter(kind="department").prefetch_related("parents"):
        assert [p.kind for p in dept.parents.all()] == ["region"], dept


def test_metropoles_sit_in_their_department(geography):
    lyon = Territory.objects.get(kind="epci", insee_code="200046977")
    assert set(lyon.ancestors.values_list("insee_code", flat=True)) == {"200046977", "69", "84", "FR", "EU"}


def test_load_is_idempotent(geography):
    before = (Territory.objects.count(), TerritoryClosure.objects.count())
    load_geography()
    assert (Territory.objects.count(), TerritoryClosure.objects.count()) == before
