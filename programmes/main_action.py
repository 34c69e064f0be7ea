"""The one thing a visitor does next on a programme page: read the official call, or reach its operator.

A programme page used to end in a "Site web" line at the bottom (and most entries have
none): a person who had found the right call had no way on. The order is the one a visitor
wants: the official page, then a URL quoted in the source, then the operator's e-mail, then
the operator's (or, failing one, the first organisation's) page in the directory.
"""
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A bare URL inside the free-text source ("Article …, https://…/page.html.")
URL = re.compile(r"https?://[^\s<>\"«»]+", re.IGNORECASE)
# Programmes one applies to (the others are a site to visit: a technopole, a plan, an event).
APPLIED_TO = {"funding_call", "ami", "competition", "grant", "equipment", "loan_equity", "support"}


@dataclass(frozen=True)
class MainAction:
    url: str
    label: str
    external: bool = False


def source_url(programme):
    """The source's URL: the `website` field ("site web / source"), else the first URL quoted in the source text."""
    if programme.website:
        return programme.website
    found = URL.search(programme.source or "")
    return found.group(0).rstrip(".,;:!?)]") if found else ""


def main_action(programme, actor_roles=()):
    """The MainAction of `programme`, or None when it names neither a source nor anyone to contact.

    `actor_roles` is `actors_by_role(programme)`: [(actor, [role labels])], the operator first."""
    url = source_url(programme)
    if url:
        label = _("Voir l'appel officiel / Candidater") if programme.kind in APPLIED_TO else _("Voir le site officiel")
        return MainAction(url, label, external=True)
    if programme.contact_email:
        return MainAction(f"mailto:{programme.contact_email}", _("Contacter l'opérateur par courriel"))
    operators = [actor for actor, _roles in actor_roles if _operates(programme, actor)]
    if operators:
        return MainAction(operators[0].get_absolute_url(), _("Contacter l'opérateur : %(name)s") % {"name": operators[0]})
    if actor_roles:  # no operator named: the first organisation involved, said as such
        actor = actor_roles[0][0]
        return MainAction(actor.get_absolute_url(), _("Voir l'organisation : %(name)s") % {"name": actor})
    return None


def _operates(programme, actor):
    return any(link.actor_id == actor.pk and link.role == "runs" for link in programme.roles.all())
