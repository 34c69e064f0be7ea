"""Tags of every public page's <head>: hreflang alternates, and the language offer on the home."""
from functools import lru_cache
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import translate_url
from django.utils import translation

register = template.Library()


def page_in(path, code):
    """The address of the page at `path` in language `code` (`path` itself when it has no other)."""
    parts = urlsplit(path)
    address = _path_in(parts.path, code)
    return f"{address}?{parts.query}" if parts.query else address


# Resolving a path and reversing it in each language was a twentieth of a listing request;
# the URLconf does not change while the process runs, so an address is worked out once.
@lru_cache(maxsize=4096)
def _path_in(path, code):
    spoken = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(spoken):  # resolve the path in its own language, not the visitor's
        return translate_url(path, code)


def _forget_paths(setting, **kwargs):
    if setting in ("ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"):  # tests change them
        _path_in.cache_clear()


setting_changed.connect(_forget_paths, dispatch_uid="site_pages_forget_paths")


def alternates(path):
    """[(language, absolute address)] of the page in each language; [] for a page outside the
    language prefixes (the admin), whose address is the same in every language."""
    urls = [(code, page_in(path, code)) for code, _name in settings.LANGUAGES]
    if len({url for _code, url in urls}) < len(urls):
        return []
    return [(code, settings.SITE_URL + url) for code, url in urls]


@register.inclusion_tag("pages/alternates.html", takes_context=True)
def language_alternates(context):
    request = context.get("request")
    links = alternates(request.get_full_path()) if request is not None else []
    return {"links": links, "default": dict(links).get(settings.LANGUAGE_CODE)}


@register.inclusion_tag("pages/language_offer.html", takes_context=True)
def language_offer(context):
    request = context.get("request")
    offer = getattr(request, "language_offer", None)
    return {"offer": offer, "url": page_in(request.path, offer) if offer else None}


@register.simple_tag(takes_context=True)
def url_in_language(context, code):
    """This page's address in language `code` (for a language switcher made of links)."""
    return page_in(context["request"].get_full_path(), code)
