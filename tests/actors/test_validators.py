import pytest
from django.core.exceptions import ValidationError

from actors.validators import luhn_ok, validate_siren


@pytest.mark.parametrize("siren", ["243500139", "242100410", "200046977", "356000000"])
def test_valid_sirens_pass(siren):
    validate_siren(siren)


@pytest.mark.parametrize("siren", ["243500138", "12345678", "1234567890", "24350013A", ""])
def test_invalid_sirens_are_refused(siren):
    with pytest.raises(ValidationError):
        validate_siren(siren)


def test_luhn_detects_single_digit_change():
    assert luhn_ok("243500139")
    assert not luhn_ok("243500149")
