"""The one textual form of a territory reference: `kind:INSEE code` (`region:53`)."""
from django.utils.translation import gettext as _

SEPARATOR = ":"


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
