"""Actor CSV exporter: a generator of rows, header first.

One streamed `values_list()` query, no model instances: labels and the page URL pattern
are resolved once per export, not per row."""
from django.conf import settings
from django.urls import reverse

from core.streaming import stream_rows
from territories.codes import join_code

from .models import Actor

ACTOR_COLUMNS = ["slug", "name", "acronym", "kind", "kind_label", "seat", "seat_code", "siren", "website", "description", "source", "page_url"]
FIELDS = ("slug", "name", "acronym", "kind", "seat__name", "seat__kind", "seat__insee_code", "siren", "website", "description", "source")


def actor_rows(queryset, *, site_url=None):
    site_url = site_url if site_url is not None else settings.SITE_URL
    yield ACTOR_COLUMNS
    kinds = {value: str(label) for value, label in Actor.Kind.choices}
    before, after = (site_url + reverse("actors:detail", kwargs={"slug": "SLUG"})).rsplit("SLUG", 1)
    for slug, name, acronym, kind, seat, seat_kind, seat_code, siren, website, description, source in stream_rows(
        queryset.values_list(*FIELDS)
    ):
        yield [
            slug, name, acronym, kind, kinds.get(kind, kind), seat or "",
            join_code(seat_kind, seat_code) if seat_kind is not None else "", siren, website, description, source,
            before + slug + after,
        ]
