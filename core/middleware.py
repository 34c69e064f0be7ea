"""Project-wide request guards."""
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

NUL = "\x00"


class RejectNullBytesMiddleware:
    """A NUL byte is never meant in a request, and PostgreSQL refuses it in text: left
    through, it fails the first query that carries it (a session lookup, a failed login
    logged with its user agent…) with a 500.

    In the path, the query string or a header: 400 with a clear message, before any view
    or query runs. In a cookie: the cookie is dropped, as if absent (a 400 would lock its
    owner out until they clear their cookies). Placed before the session middleware,
    which reads the session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = _nul_refusal(request)
        if refusal:
            return render(request, "400.html", {"messages_400": [refusal]}, status=400)
        request.COOKIES = {name: value for name, value in request.COOKIES.items() if NUL not in name + value}
        return self.get_response(request)


def _nul_refusal(request):
    """The message explaining where the request holds a NUL (cookies aside), or None."""
    if NUL in request.path_info or any(NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()):
        return _("L'adresse contient un caractère nul, qui n'est pas accepté.")
    for name, value in request.META.items():
        if (name.startswith("HTTP_") or name == "CONTENT_TYPE") and name != "HTTP_COOKIE" and NUL in str(value):
            header = name.removeprefix("HTTP_").replace("_", "-").title()
            return _("L'en-tête %(header)s contient un caractère nul, qui n'est pas accepté.") % {"header": header}
    return None


class FrenchFirstLocaleMiddleware:
    """The language of a page: its address's (`/en/…` is English), else the visitor's choice
    (the cookie set by set_language), else French.

    The browser's Accept-Language never changes a page: the directory is French first and a shared
    link shows everyone the same page. It only makes the French home *offer* the English address
    (`request.language_offer`, a link in the page), to a visitor who has not chosen a language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        in_path = translation.get_language_from_path(request.path_info)
        language = in_path or (chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        request.language_offer = _language_offer(request, language, chosen)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if request.path_info == "/" and not chosen:
            patch_vary_headers(response, ["Accept-Language"])
        return response


def _language_offer(request, language, chosen):
    """The other language the browser prefers, on the French home only, unless a language was chosen."""
    if request.path_info != "/" or chosen or language != settings.LANGUAGE_CODE:
        return None
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header[:500]):
        code = code.split("-")[0].lower()
        if code in dict(settings.LANGUAGES):
            return code if code != language else None
    return None
