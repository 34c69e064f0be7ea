"""Tags of every public page's <head>: hreflang alternates, and the language offer on the home."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()


def page_in(path, code):
    """The address of the page at `path` in language `code` (`path` itself when it has no other)."""
    spoken = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(spoken):  # resolve the path in its own language, not the visitor's
        return translate_url(path, code)


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
