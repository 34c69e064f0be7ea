"""What an actor does in the directory, for the actor page (which lives in `actors`)."""
from django import template

from editorial.models import PublicationState

from ..models import FundedProject, ProgrammeActor

register = template.Library()


@register.simple_tag
def actor_programmes(actor):
    """[(programme, [role labels])] for the published programmes where `actor` has a role."""
    roles = (
        ProgrammeActor.objects.filter(actor=actor, programme__publication_state=PublicationState.PUBLISHED)
        .select_related("programme").order_by("programme__title", "role")
    )
    grouped = {}
    for role in roles:
        grouped.setdefault(role.programme, []).append(role.get_role_display())
    return list(grouped.items())


@register.simple_tag
def actor_projects(actor, *, as_partner=False):
    projects = FundedProject.objects.published().for_listing()
    return projects.filter(partners=actor) if as_partner else projects.filter(beneficiary=actor)
