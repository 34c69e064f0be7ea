"""The client's IP address, as the last trusted reverse proxy saw it.

Behind N reverse proxies (settings.TRUSTED_PROXY_COUNT) that each append the address they were
contacted from to X-Forwarded-For, the client is the Nth entry from the right: entries further
left were written by the client itself and can say anything. With no proxy (N = 0) the
connection's address (REMOTE_ADDR) is the client. Used by django-axes (AXES_CLIENT_IP_CALLABLE)
and by the password-reset rate limit.
"""
import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's address as a canonical string, or None when there is no usable one."""
    remote = parse_ip(request.META.get("REMOTE_ADDR", ""))
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < count:
        # Fewer hops than proxies: the request did not come through all of them (or the count
        # is wrong). The connection's address is then the only one nobody could forge.
        return remote
    return parse_ip(hops[-count]) or remote


def parse_ip(value):
    """`value` (one X-Forwarded-For entry, maybe with a port) as a canonical IP, or None."""
    value = str(value).strip()
    host, bracket, port = value.rpartition("]:" if value.startswith("[") else ":")
    if bracket and port.isascii() and port.isdigit() and (bracket == "]:" or ":" not in host):
        value = host.removeprefix("[")  # 203.0.113.7:443 or [2001:db8::1]:443
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # A zone ("fe80::1%eth0") is meaningless off the host and PostgreSQL's inet refuses it.
    if getattr(address, "scope_id", None):
        return None
    return str(address)
