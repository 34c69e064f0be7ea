"""{% region_map regions counts link %}: the regions map, coloured by `counts`, with its table."""
from django import template

from ..maps import region_items, shapes

register = template.Library()


@register.inclusion_tag("territories/region_map.html")
def region_map(regions, counts, link, title, national=None, national_link=None):
    """`regions`: (insee_code, name) pairs; `counts`: {insee_code: n}; `link`: an address with
    `{code}` in it; `national`: the count that applies everywhere, shown apart."""
    items, legend = region_items(regions, counts, lambda code: link.replace("{code}", code))
    return {
        "items": items, "legend": legend, "view_box": shapes()["viewBox"], "title": title,
        "national": national, "national_link": national_link,
    }
