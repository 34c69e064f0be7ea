"""How many confirmation mails one address and one client may cause, per hour: the form must not
become a way to flood someone's inbox (the password-reset limit's counter, other keys).

The counts are core.counters', shared by every worker process; an address is counted by the
mailbox it reaches, so `Victim@…` and `victim+1@…` do not each get their own three mails."""
import hashlib

from django.conf import settings

from core.client_address import client_ip
from core.password_reset import under_limit

LIMIT_PER_EMAIL = 3
LIMIT_PER_CLIENT = 10


def mailbox(email):
    """The inbox an address reaches, as far as counting goes: case folded, `+tag` dropped."""
    local, at, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}{at}{domain}"


def subscription_allowed(request, email):
    per_client = getattr(settings, "ALERTS_LIMIT_PER_CLIENT", LIMIT_PER_CLIENT)
    per_email = getattr(settings, "ALERTS_LIMIT_PER_EMAIL", LIMIT_PER_EMAIL)
    by_client = under_limit(f"alerts:ip:{client_ip(request)}", per_client)
    # Hashed: the counter's key holds no address.
    digest = hashlib.sha256(mailbox(email).encode()).hexdigest()
    return by_client and under_limit(f"alerts:email:{digest}", per_email)
