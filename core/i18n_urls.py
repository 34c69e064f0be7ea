"""Language by address: French pages at /…, English ones at /en/… (`i18n_patterns`).

Django's own prefix pattern resolves an address only in the active language, so a French
address would be a 404 for a visitor who chose English (the language cookie), and switching
language from an English address would fail before the cookie is set. Here any address resolves
whatever the active language: the language prefix, when there is one, is only stripped. Which
language a page speaks is core.middleware's decision; addresses are reversed in that language.
"""
from django.conf import settings
from django.urls import LocalePrefixPattern, URLResolver


class AnyLanguagePrefix(LocalePrefixPattern):
    def match(self, path):
        for code, _name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE and path.startswith(f"{code}/"):
                return path.removeprefix(f"{code}/"), (), {}
        return path, (), {}


def i18n_patterns(*urls):
    """Like Django's with prefix_default_language=False: French unprefixed, the others prefixed."""
    return [URLResolver(AnyLanguagePrefix(prefix_default_language=False), list(urls))]
