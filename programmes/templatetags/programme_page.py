"""A programme's tags for its page and its card: its organisations by role, its deadline's label,
{% main_action %} and {% source_url %} (see `programmes.main_action`)."""
from django import template
from django.utils.translation import gettext as _

from ..main_action import main_action as find_main_action
from ..main_action import source_url as find_source_url

register = template.Library()


@register.simple_tag
def main_action(programme, actor_roles):
    return find_main_action(programme, actor_roles)


@register.simple_tag
def source_url(programme):
    return find_source_url(programme)


# The operator first, then the funders, then the partners (the order visitors ask about).
ROLE_RANK = {"runs": 0, "funds": 1, "partner": 2}


@register.simple_tag
def actors_by_role(programme, role=None):
    """[(actor, [role labels])]: each organisation once, ordered by its first role.

    `role` keeps only the organisations having that role (e.g. "runs" for a card)."""
    found = {}
    for link in sorted(programme.roles.all(), key=lambda link: ROLE_RANK.get(link.role, 9)):
        if role and link.role != role:
            continue
        found.setdefault(link.actor_id, (link.actor, []))[1].append(link.get_role_display())
    return list(found.values())


@register.simple_tag
def deadline_label(programme):
    """An event's deadline is its last day, not a closing date for applications."""
    return _("Dernier jour") if programme.kind == "event" else _("Date limite")
