"""The listing's programme cards, each rendered once and kept in Django's cache.

A card is most of a listing's cost (its row, territories, operators, the template, the
highlighted extract), and the same programme appears in many listings. Its key holds all it
depends on, so a cached card is never stale:
- the directory version, bumped by any write to the directory (its text, territories, operators);
- the day, since a status (open, closed) changes at midnight;
- the language, the search words it highlights and the territory it explains itself for.
A page whose cards are all cached fetches no row at all: only its ids, in order.
"""
from django.conf import settings
from django.template.loader import render_to_string

from core.fragments import fragment_key, fragments

from .reasons import annotate_reasons

TEMPLATE = "includes/programme_card.html"


def cards_key(*, matcher, territory):
    """The key of this listing's cards, but for the programme's id (see `fragment_key`)."""
    words = sorted(matcher.stems) + ["*" + p for p in sorted(matcher.prefixes)] if matcher else []
    return fragment_key("card", getattr(territory, "pk", ""), " ".join(words))


def listing_cards(page_rows, *, matcher, territory):
    """The HTML of each card of `page_rows` (a `core.views.PageRows`), in order: from the
    cache, and the missing ones rendered from their rows (fetched then, and only then)."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return list(_render(list(page_rows), matcher=matcher, territory=territory).values())
    prefix = cards_key(matcher=matcher, territory=territory)
    keys = {pk: f"{prefix}:{pk}" for pk in page_rows.ids}
    found = fragments().get_many(keys.values())
    missing = [pk for pk in page_rows.ids if keys[pk] not in found]
    if missing:
        rendered = _render(page_rows.fetch(missing), matcher=matcher, territory=territory)
        fresh = {keys[pk]: html for pk, html in rendered.items()}
        fragments().set_many(fresh, settings.FRAGMENT_CACHE_SECONDS)
        found.update(fresh)
    # A row deleted since its id was read has no card: it is left out, as the rows would be.
    return [found[keys[pk]] for pk in page_rows.ids if keys[pk] in found]


def _render(programmes, *, matcher, territory):
    """{pk: the card's HTML}, in the order of `programmes`."""
    annotate_reasons(programmes, territory)
    return {programme.pk: render_to_string(TEMPLATE, {"programme": programme, "matcher": matcher}) for programme in programmes}
