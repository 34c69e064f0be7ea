"""Territory codes in every accepted form resolve to the reference territories (README "Import columns")."""
import pytest
from django.core.exceptions import ValidationError

from territories.codes import ACCEPTED_FORMS, normalize_code, resolve_code
from territories.models import Territory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


@pytest.mark.parametrize(("text", "code"), [
    ("REG-53", "region:53"), (" reg-53 ", "region:53"), ("Region:53", "region:53"), ("DEP-2a", "department:2A"),
    ("department:2b", "department:2B"), ("DEP-976", "department:976"), ("REG-06", "region:06"), ("fr", "country:FR"),
    ("eu", "continent:EU"), ("EPCI-200046977", "epci:200046977"),
])
def test_normalize_code(text, code):
    assert normalize_code(text) == code


@pytest.mark.parametrize("text", ["", "53", "REG53", "REG-", "COM-35238", "commune:35238", "region:", ":53", "FRA", "DEP-3 5"])
def test_shapes_that_are_no_code(text):
    with pytest.raises(ValidationError) as caught:
        normalize_code(text)
    assert "REG-53" in caught.value.messages[0] and "continent:EU" in caught.value.messages[0]


def test_every_example_of_the_accepted_forms_resolves():
    by_codes = Territory.objects.all().by_codes()
    resolved = {form: resolve_code(form).code for form in ACCEPTED_FORMS}
    assert resolved == {form: resolve_code(form, by_codes).code for form in ACCEPTED_FORMS}
    assert resolved["REG-53"] == resolved["region:53"] and resolved["EPCI-243500139"] == resolved["epci:243500139"]
    assert resolved["FR"] == "country:FR" and resolved["EU"] == "continent:EU"


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
