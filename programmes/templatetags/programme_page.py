"""{% main_action %} and {% source_url %} for the programme page (see `programmes.main_action`)."""
from django import template

from ..main_action import main_action as find_main_action
from ..main_action import source_url as find_source_url

register = template.Library()


@register.simple_tag
def main_action(programme, actor_roles):
    return find_main_action(programme, actor_roles)


@register.simple_tag
def source_url(programme):
    return find_source_url(programme)
