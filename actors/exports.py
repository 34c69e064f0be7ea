"""Actor CSV exporter: a generator of rows, header first."""
from django.conf import settings

from territories.codes import format_code

ACTOR_COLUMNS = ["slug", "name", "acronym", "kind", "kind_label", "seat", "seat_code", "siren", "website", "description", "source", "page_url"]


def actor_rows(queryset, *, site_url=None):
    site_url = site_url if site_url is not None else settings.SITE_URL
    yield ACTOR_COLUMNS
    for a in queryset.iterator(chunk_size=500):
        seat = a.seat
        yield [
            a.slug, a.name, a.acronym, a.kind, a.get_kind_display(), seat.name if seat else "",
            format_code(seat), a.siren, a.website, a.description, a.source,
            site_url + a.get_absolute_url(),
        ]
