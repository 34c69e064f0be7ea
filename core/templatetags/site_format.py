"""How the public pages write dates, amounts and page numbers, whatever app the page belongs to."""
from django import template
from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()

NBSP = "\u00a0"
NNBSP = "\u202f"


@register.filter
def long_date(value):
    """"1er novembre 2025" in French (the first of the month is an ordinal), "2 novembre 2025"."""
    if not value:
        return ""
    text = formats.date_format(value, "j F Y")
    if value.day == 1 and (get_language() or "fr").startswith("fr"):
        text = "1er" + text[1:]
    return text


@register.filter
def euros(value):
    """"12 500 €" in French: groups of three separated and the sign kept on the same line."""
    if value is None or value == "":
        return ""
    number = formats.number_format(round(value), decimal_pos=0, use_l10n=True, force_grouping=True)
    if (get_language() or "fr").startswith("fr"):
        number = number.replace(" ", NNBSP).replace(NBSP, NNBSP)
    return f"{number}{NBSP}€"


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers to link around the current one, None for a gap: 1 … 4 5 6 … 12."""
    paginator = page_obj.paginator
    return [None if n == paginator.ELLIPSIS else n
            for n in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)]


@register.filter
def any_checked(options):
    """Whether a facet's (value, label, count, checked) options have one ticked."""
    return any(option[3] for option in options or ())


@register.filter
def get_item(mapping, key):
    """`counts|get_item:value`: a dict's value by a variable key (None when absent)."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag(takes_context=True)
def page_url(context):
    """This page's public address (og:url), from SITE_URL: never from the request's Host
    header, which a 400 page for a forged host must not read."""
    request = context.get("request")
    return settings.SITE_URL + (request.get_full_path() if request is not None else "/")
