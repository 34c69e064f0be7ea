"""How many confirmation mails one address and one client may cause, per hour: the form must not
become a way to flood someone's inbox (the password-reset limit's counter, other keys)."""
import hashlib

from django.conf import settings

from core.client_address import client_ip
from core.password_reset import under_limit

LIMIT_PER_EMAIL = 3
LIMIT_PER_CLIENT = 10


def subscription_allowed(request, email):
    per_client = getattr(settings, "ALERTS_LIMIT_PER_CLIENT", LIMIT_PER_CLIENT)
    per_email = getattr(settings, "ALERTS_LIMIT_PER_EMAIL", LIMIT_PER_EMAIL)
    by_client = under_limit(f"alerts:ip:{client_ip(request)}", per_client)
    # Hashed: the cache key holds no address.
    digest = hashlib.sha256(email.encode()).hexdigest()
    return by_client and under_limit(f"alerts:email:{digest}", per_email)
