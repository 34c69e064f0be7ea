"""{% open_programmes_map %}: the regions map of open programmes, for the home and the listing."""
from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from territories.models import Territory
from territories.templatetags.region_map import region_map

from ..queries import OPEN_LOCAL, open_programmes_by_region

register = template.Library()


@register.inclusion_tag("territories/region_map.html")
def open_programmes_map():
    counts, national = open_programmes_by_region()
    regions = Territory.objects.regions().values_list("insee_code", "name")
    listing = reverse("programmes:list")
    return region_map(
        regions, counts, f"{listing}?region={{code}}&{OPEN_LOCAL}", _("Programmes ouverts propres à chaque région"),
        national=national, national_link=f"{listing}?status=open",
    )
