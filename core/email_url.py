"""EMAIL_URL → Django's e-mail settings, in one environment variable.

    smtp://user:password@host:25        plain SMTP (port 25 by default)
    smtp+tls://user:password@host:587   STARTTLS (port 587 by default)
    smtp+ssl://user:password@host:465   implicit TLS (port 465 by default)
    console://                          printed on the standard output (development)
    file:///var/tmp/mails               one file per message in that directory
    locmem://                           kept in memory (tests)

The user and password are percent-decoded (`%40` for an `@` in a password). Read by the settings
at start-up: no Django import here, and a malformed URL is refused with a message naming it
rather than failing later, at the first mail.
"""
from urllib.parse import unquote, urlsplit


class EmailUrlError(ValueError):
    pass


SMTP_SCHEMES = {"smtp": (25, False, False), "smtp+tls": (587, True, False), "smtp+ssl": (465, False, True)}
OTHER_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def parse_email_url(url):
    """The settings EMAIL_URL stands for, as a dict (EMAIL_BACKEND, EMAIL_HOST…)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:  # a port that is not a number, or out of range
        raise EmailUrlError(f"EMAIL_URL is not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme in SMTP_SCHEMES:
        return _smtp_settings(parts, scheme, port)
    if scheme == "file":
        path = unquote(parts.path)
        if not path or path == "/":
            raise EmailUrlError("EMAIL_URL file:///path needs the directory that receives the mails.")
        return {"EMAIL_BACKEND": OTHER_BACKENDS["file"], "EMAIL_FILE_PATH": path}
    if scheme in OTHER_BACKENDS:
        return {"EMAIL_BACKEND": OTHER_BACKENDS[scheme]}
    known = ", ".join([*SMTP_SCHEMES, *OTHER_BACKENDS])
    raise EmailUrlError(f"EMAIL_URL: unknown scheme {scheme or '(none)'!r}; use one of {known}.")


def _smtp_settings(parts, scheme, port):
    if not parts.hostname:
        raise EmailUrlError("EMAIL_URL: an SMTP URL needs a host (smtp://host:port).")
    default_port, use_tls, use_ssl = SMTP_SCHEMES[scheme]
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }
