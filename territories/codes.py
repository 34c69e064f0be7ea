"""Territory references as text.

The one form this directory writes in its CSV is `kind:INSEE code` (`region:53`). Imports also
read the COG forms of Etalab's schema-dispositif-aide (`REG-53`, `DEP-35`, `EPCI-<SIREN>`,
`COM-35238`, `PAYS-99100`, and the overseas collectivities `COM-975`…, whose COG codes are
written like communes'), which `cog_code` writes: `normalize_code` turns any accepted form into
ours, `resolve_code` into a territory, naming the closest known one when there is none.
"""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SEPARATOR = ":"
KINDS = ("continent", "country", "region", "collectivity", "department", "epci", "ept", "commune")  # the widest first
# COG prefix → kind (schema-dispositif-aide `eligibilite_geographique`).
COG_PREFIXES = {"REG": "region", "DEP": "department", "EPCI": "epci", "COM": "commune"}
# Kind → the COG prefix it is written with; an EPT (an EPCI without its own taxation) as an EPCI.
COG_WRITTEN = {"region": "REG", "department": "DEP", "epci": "EPCI", "ept": "EPCI", "commune": "COM", "collectivity": "COM"}
# Whole-code forms: the country and the continent by their code, France by its COG country code.
COG_WORDS = {"FR": "country:FR", "EU": "continent:EU", "PAYS-99100": "country:FR"}
FRANCE = "PAYS-99100"
# The overseas collectivities: their COG code is written like a commune's (COM-975), or as a
# department's or a region's (DEP-975, REG-975) by some files.
COLLECTIVITIES = ("975", "977", "978", "984", "986", "987", "988", "989")
# Examples of every accepted form, in the order docs/data-formats.md and the error messages list them.
ACCEPTED_FORMS = (
    "region:53", "department:35", "epci:243500139", "commune:35238", "collectivity:975", "country:FR", "continent:EU",
    "REG-53", "DEP-35", "EPCI-243500139", "COM-35238", "COM-975", "PAYS-99100", "FR", "EU",
)
_COG = re.compile(r"^(?P<prefix>[A-Za-z]+)-(?P<code>[0-9A-Za-z]+)$")


def join_code(kind, insee_code):
    return f"{kind}{SEPARATOR}{insee_code}"


def format_code(territory):
    return join_code(territory.kind, territory.insee_code) if territory else ""


def cog_code(territory):
    """The COG form (`REG-53`, `COM-35238`, `COM-975`); France and Europe as PAYS-99100 (the COG
    has no code for the European Union: a European programme is open in France)."""
    prefix = COG_WRITTEN.get(territory.kind)
    return f"{prefix}-{territory.insee_code}" if prefix else FRANCE


def parse_code(text):
    """`"region:53"` → `("region", "53")`; raises ValueError on any other shape."""
    kind, sep, code = (text or "").strip().partition(SEPARATOR)
    if not sep or not kind or not code:
        raise ValueError(_("code de territoire invalide « %(code)s » (attendu par ex. region:53).") % {"code": text[:40]})
    return kind, code


def accepted_forms():
    return ", ".join(ACCEPTED_FORMS)


def unknown_code_message(text, closest=None):
    """"Unknown territory", the accepted forms, and the closest known territory when there is one."""
    message = _("territoire inconnu « %(code)s » (formes acceptées : %(forms)s).") % {"code": (text or "")[:40], "forms": accepted_forms()}
    if closest is not None:
        shown = cog_code(closest) if _COG.match((text or "").strip()) else format_code(closest)
        message += " " + _("Le plus proche : « %(code)s » (%(name)s).") % {"code": shown, "name": closest.name}
    return message


def _suggestion(text, territories=None):
    from .suggest import closest_territory  # it reads the models, which import this module

    finder = getattr(territories, "closest", None) or closest_territory
    return finder(text)


def normalize_code(text):
    """Any accepted form → `kind:CODE` (`"REG-53"` → `"region:53"`, `"dep-2a"` → `"department:2A"`).

    Case does not matter; codes are compared upper-cased (Corsica's 2A/2B, FR, EU). Raises
    ValidationError for a text of no accepted shape (whether the territory exists is `resolve_code`'s)."""
    code = normalized_or_none(text)
    if code is None:
        raise ValidationError(unknown_code_message(text), code="territory_code")
    return code


def normalized_or_none(text):
    """`normalize_code` without the error: None for a text of no accepted shape."""
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
        prefix = match["prefix"].upper() if match else None
        if prefix in ("COM", "DEP", "REG") and match["code"] in COLLECTIVITIES:
            return join_code("collectivity", match["code"])
        if prefix in COG_PREFIXES:
            return join_code(COG_PREFIXES[prefix], match["code"].upper())
    return None


def resolve_code(text, territories=None):
    """The territory `text` names, in any accepted form; raises ValidationError (message listing
    the accepted forms) when the form is unknown or no such territory exists.

    `territories`: a `{kind:CODE: territory}` mapping (`Territory.objects.all().by_codes()`) to
    resolve many codes without a query each; by default the database is asked."""
    code = normalized_or_none(text)
    territory = _find(code, territories) if code else None
    if territory is None and code and code.startswith("epci:"):  # an EPT is written as an EPCI (cog_code)
        territory = _find(join_code("ept", code.split(SEPARATOR, 1)[1]), territories)
    if territory is None:
        raise ValidationError(unknown_code_message(text, _suggestion(text, territories)), code="territory_code")
    return territory


def _find(code, territories):
    if territories is not None:
        return territories.get(code)
    from .models import Territory  # the models import this module

    kind, insee_code = code.split(SEPARATOR, 1)
    return Territory.objects.filter(kind=kind, insee_code__iexact=insee_code).first()
