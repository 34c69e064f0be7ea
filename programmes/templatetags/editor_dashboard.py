"""Counts shown on the admin home page, within the user's scope."""
from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial import policy
from editorial.models import PublicationState, Revision

from ..admin.freshness import FRESHNESS_LABELS, freshness_conditions
from ..models import Programme

register = template.Library()


@register.inclusion_tag("admin/editor_dashboard.html", takes_context=True)
def editor_dashboard(context):
    user = context["request"].user
    if not policy.can(user, policy.VIEW, model=Programme):
        return {"items": []}
    programmes = Programme.objects.editable_by(user)
    changelist = reverse("admin:programmes_programme_changelist")
    items = [(
        _("En attente de relecture"),
        programmes.filter(publication_state=PublicationState.SUBMITTED).count(),
        f"{changelist}?publication_state__exact={PublicationState.SUBMITTED}",
    )]
    # Changes to published entries wait as revisions, not as submitted entries: counted apart.
    revisions_url = reverse("admin:editorial_revision_changelist")
    items.append((_("Modifications en attente de relecture"), Revision.objects.pending().visible_to(user).count(),
                  f"{revisions_url}?state__exact=pending"))
    for key, condition in freshness_conditions().items():
        items.append((FRESHNESS_LABELS[key], programmes.filter(condition).count(), f"{changelist}?freshness={key}"))
    return {"items": items}
