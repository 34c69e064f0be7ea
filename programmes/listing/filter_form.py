"""The listing's filter form, rendered once per selection and kept in Django's cache.

Once the cards are cached, the form is most of a listing's rendering: every region, kind,
theme, audience and status with its count. It depends on the filter values alone (not on
the page number, nor on parameters that filter nothing) and on what `fragment_key` adds:
the directory version (the counts), the day (statuses) and the language.
"""
from urllib.parse import urlencode

from django.template.loader import render_to_string

from core.fragments import cached_fragment

from .facet_counts import facet_counts
from .facet_options import facet_options

TEMPLATE = "programmes/filters.html"


def filter_form(filterset, *, valid):
    """The form's HTML, its facets counted in SQL when it is rendered (once per selection and
    directory version); after a bad parameter, rendered without facets and not cached."""
    if not valid:
        return render_to_string(TEMPLATE, {"filter": filterset})

    def render():
        counts = facet_counts(filterset)
        return render_to_string(TEMPLATE, {"filter": filterset, "facets": facet_options(filterset, counts), "facet_counts": counts})

    return cached_fragment("listing-filters", render, selection_params(filterset))


def selection_params(filterset):
    """The filter values, in a stable order: "b=2&a=1" and "a=1&b=2" are one selection."""
    data = filterset.data
    return urlencode(sorted((name, value) for name in filterset.form.fields for value in data.getlist(name)))
