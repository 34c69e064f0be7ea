"""Territory codes in every accepted form resolve to the reference territories (docs/data-formats.md, "Territory codes")."""
import pytest
from django.core.exceptions import ValidationError

from territories.codes import ACCEPTED_FORMS, normalize_code, resolve_code
from territories.models import Territory
from tests.factories import TerritoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


@pytest.mark.parametrize(("text", "code"), [
    ("REG-53", "region:53"), (" reg-53 ", "region:53"), ("Region:53", "region:53"), ("DEP-2a", "department:2A"),
    ("department:2b", "department:2B"), ("DEP-976", "department:976"), ("REG-06", "region:06"), ("fr", "country:FR"),
    ("eu", "continent:EU"), ("EPCI-200046977", "epci:200046977"), ("COM-35238", "commune:35238"), ("commune:35238", "commune:35238"),
    ("COM-975", "collectivity:975"), ("com-987", "collectivity:987"), ("DEP-975", "collectivity:975"), ("REG-988", "collectivity:988"),
    ("PAYS-99100", "country:FR"), ("pays-99100", "country:FR"), ("COM-2A004", "commune:2A004"), ("DEP-976", "department:976"),
])
def test_normalize_code(text, code):
    assert normalize_code(text) == code


@pytest.mark.parametrize("text", ["", "53", "REG53", "REG-", "COMMUNE-35238", "town:35238", "region:", ":53", "FRA", "DEP-3 5", "PAYS-99134"])
def test_shapes_that_are_no_code(text):
    with pytest.raises(ValidationError) as caught:
        normalize_code(text)
    assert "REG-53" in caught.value.messages[0] and "continent:EU" in caught.value.messages[0]


def test_every_example_of_the_accepted_forms_resolves():
    if not Territory.objects.communes().filter(insee_code="35238").exists():  # the test settings load no commune
        TerritoryFactory(kind="commune", insee_code="35238", name="Rennes", parents=[Territory.objects.get_by_code("epci:243500139")])
    by_codes = Territory.objects.all().by_codes()
    resolved = {form: resolve_code(form).code for form in ACCEPTED_FORMS}
    assert resolved == {form: resolve_code(form, by_codes).code for form in ACCEPTED_FORMS}
    assert resolved["REG-53"] == resolved["region:53"] and resolved["EPCI-243500139"] == resolved["epci:243500139"]
    assert resolved["FR"] == "country:FR" == resolved["PAYS-99100"] and resolved["EU"] == "continent:EU"
    assert resolved["COM-975"] == "collectivity:975" and resolved["COM-35238"] == "commune:35238"


def test_resolve_code_with_and_without_a_mapping():
    corsica = resolve_code("DEP-2A")
    assert (corsica.kind, corsica.insee_code) == ("department", "2A")
    assert resolve_code("dep-2a", Territory.objects.all().by_codes()) == corsica
    assert resolve_code("REG-94").name == "Corse"
    for missing in ("REG-99", "DEP-20", "department:2C"):
        with pytest.raises(ValidationError):
            resolve_code(missing)
        with pytest.raises(ValidationError):
            resolve_code(missing, {})


@pytest.mark.parametrize(("text", "closest"), [
    ("DEP-9744", "DEP-974"), ("REG-54", "REG-53"), ("department:355", "department:35"), ("EPCI-243500138", "EPCI-243500139"),
    ("Bretagen", "region:53"), ("COM-9751", "COM-975"),
])
def test_an_unknown_code_names_the_closest_known_territory(text, closest):
    with pytest.raises(ValidationError) as caught:
        resolve_code(text)
    assert f"« {text} »" in caught.value.messages[0] and f"Le plus proche : « {closest} »" in caught.value.messages[0]


def test_the_closest_territory_is_looked_for_once_per_code_in_an_import(django_assert_num_queries):
    by_codes = Territory.objects.all().by_codes()
    with pytest.raises(ValidationError):
        resolve_code("REG-54", by_codes)
    with django_assert_num_queries(0), pytest.raises(ValidationError):
        resolve_code("REG-54", by_codes)


def test_cog_codes_round_trip():
    from territories.codes import cog_code

    for territory in Territory.objects.exclude(kind="continent"):
        assert resolve_code(cog_code(territory)) == territory, territory
    assert cog_code(Territory.objects.get_by_code("continent:EU")) == "PAYS-99100"
