"""{% open_programmes_map %}: the regions map of open programmes, for the home and the listing."""
from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.fragments import cached_fragment
from territories.models import Territory
from territories.templatetags.region_map import region_map

from ..queries import OPEN_LOCAL, open_programmes_by_region

register = template.Library()


@register.simple_tag
def open_programmes_map():
    # The same on every listing: rendered once per directory version, day and language.
    return cached_fragment("open-programmes-map", lambda: render_to_string("territories/region_map.html", _map_context()))


def _map_context():
    counts, national = open_programmes_by_region()
    regions = Territory.objects.regions().values_list("insee_code", "name")
    listing = reverse("programmes:list")
    return region_map(
        regions, counts, f"{listing}?region={{code}}&{OPEN_LOCAL}", _("Programmes ouverts propres à chaque région"),
        national=national, national_link=f"{listing}?status=open",
    )
