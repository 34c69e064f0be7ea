from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def luhn_ok(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siren(value):
    """A SIREN is 9 digits whose Luhn checksum is valid (La Poste's 356000000 aside)."""
    value = (value or "").replace(" ", "")
    if not (len(value) == 9 and value.isdigit()):
        raise ValidationError(_("Un SIREN comporte exactement 9 chiffres."), code="siren_format")
    if not luhn_ok(value) and value != "356000000":
        raise ValidationError(_("Ce SIREN est invalide (clé de contrôle incorrecte)."), code="siren_key")
