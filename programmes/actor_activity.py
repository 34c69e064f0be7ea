"""What an actor does in the directory: its programmes' roles and its funded projects.

A section of the actor's page, which `actors` shows without importing `programmes`
(registered with `actors.activity` in `ProgrammesConfig.ready`).
"""
from django.template.loader import render_to_string

from editorial.models import PublicationState

from .models import FundedProject, ProgrammeActor


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


def actor_section(actor):
    """The HTML of the actor page's programmes and funded projects."""
    projects = FundedProject.objects.published().for_listing()
    return render_to_string("programmes/actor_activity.html", {
        "actor": actor,
        "programme_roles": actor_programmes(actor),
        "projects": projects.filter(beneficiary=actor),
        "partner_projects": projects.filter(partners=actor),
    })
