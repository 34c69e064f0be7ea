"""Project-wide request guards."""
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _


class RejectNullBytesMiddleware:
    """A NUL byte in a query string can never be meant, and PostgreSQL refuses it
    in text: answer 400 with a clear message before any view or query runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return render(request, "400.html", {"messages_400": [_("L'adresse contient un caractère nul, qui n'est pas accepté.")]}, status=400)
        return self.get_response(request)


class FrenchFirstLocaleMiddleware:
    """French unless the visitor chose another language (cookie set by set_language).

    The browser's Accept-Language is ignored on purpose: the directory is French
    first and shared links must show the same page to everyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
