"""Territory references as text.

The one form this directory writes is `kind:INSEE code` (`region:53`). Imports also read the
COG forms of Etalab's schema-dispositif-aide (`REG-53`, `DEP-35`, `EPCI-<SIREN>`, `FR`, `EU`):
`normalize_code` turns any accepted form into ours, `resolve_code` into a territory.
"""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SEPARATOR = ":"
KINDS = ("continent", "country", "region", "department", "epci")
# COG prefix → kind (schema-dispositif-aide `eligibilite_geographique`).
COG_PREFIXES = {"REG": "region", "DEP": "department", "EPCI": "epci"}
# Whole-code COG forms: the country and the continent are named by their code alone.
COG_WORDS = {"FR": "country:FR", "EU": "continent:EU"}
# Examples of every accepted form, in the order the README and the error messages list them.
ACCEPTED_FORMS = (
    "region:53", "department:35", "epci:243500139", "country:FR", "continent:EU", "REG-53", "DEP-35", "EPCI-243500139", "FR", "EU",
)
_COG = re.compile(r"^(?P<prefix>[A-Za-z]+)-(?P<code>[0-9A-Za-z]+)$")


def join_code(kind, insee_code):
    return f"{kind}{SEPARATOR}{insee_code}"


def format_code(territory):
    return join_code(territory.kind, territory.insee_code) if territory else ""


def parse_code(text):
    """`"region:53"` → `("region", "53")`; raises ValueError on any other shape."""
    kind, sep, code = (text or "").strip().partition(SEPARATOR)
    if not sep or not kind or not code:
        raise ValueError(_("code de territoire invalide « %(code)s » (attendu par ex. region:53).") % {"code": text[:40]})
    return kind, code


def accepted_forms():
    return ", ".join(ACCEPTED_FORMS)


def unknown_code_message(text):
    return _("territoire inconnu « %(code)s » (formes acceptées : %(forms)s).") % {"code": (text or "")[:40], "forms": accepted_forms()}


def normalize_code(text):
    """Any accepted form → `kind:CODE` (`"REG-53"` → `"region:53"`, `"dep-2a"` → `"department:2A"`).

    Case does not matter; codes are compared upper-cased (Corsica's 2A/2B, FR, EU). Raises
    ValidationError for a text of no accepted shape (whether the territory exists is `resolve_code`'s)."""
    raw = (text or "").strip()
    kind, sep, code = raw.partition(SEPARATOR)
    if sep:
        kind = kind.strip().lower()
        if kind in KINDS and code.strip():
            return join_code(kind, code.strip().upper())
    elif raw.upper() in COG_WORDS:
        return COG_WORDS[raw.upper()]
    else:
        match = _COG.match(raw)
        if match and match["prefix"].upper() in COG_PREFIXES:
            return join_code(COG_PREFIXES[match["prefix"].upper()], match["code"].upper())
    raise ValidationError(unknown_code_message(text), code="territory_code")


def resolve_code(text, territories=None):
    """The territory `text` names, in any accepted form; raises ValidationError (message listing
    the accepted forms) when the form is unknown or no such territory exists.

    `territories`: a `{kind:CODE: territory}` mapping (`Territory.objects.all().by_codes()`) to
    resolve many codes without a query each; by default the database is asked."""
    code = normalize_code(text)
    if territories is not None:
        territory = territories.get(code)
    else:
        from .models import Territory  # the models import this module

        kind, insee_code = code.split(SEPARATOR, 1)
        territory = Territory.objects.filter(kind=kind, insee_code__iexact=insee_code).first()
    if territory is None:
        raise ValidationError(unknown_code_message(text), code="territory_code")
    return territory
