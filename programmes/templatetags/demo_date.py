"""{% demo_date as day %}: the demo's date (`DEMO_DATE`), for the banner every page shows under `make run`.

A visitor must know the statuses they read (open, closed…) are those of that day, not today's."""
from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def demo_date():
    return getattr(settings, "DEMO_DATE", None)
