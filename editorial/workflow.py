"""Publication workflow: draft → submitted → published → archived.

Editors move their entries between draft and submitted; publishing,
unpublishing and archiving need the model's `publish_<model>` permission
(reviewers and administrators), as `editorial.policy` says.
"""
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registry
from .models import PublicationState as S
from .policy import may_publish

EDIT, PUBLISH = "edit", "publish"

TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): EDIT,
    (S.SUBMITTED, S.DRAFT): EDIT,
    (S.DRAFT, S.PUBLISHED): PUBLISH,
    (S.SUBMITTED, S.PUBLISHED): PUBLISH,
    (S.PUBLISHED, S.ARCHIVED): PUBLISH,
    (S.PUBLISHED, S.DRAFT): PUBLISH,
    (S.ARCHIVED, S.DRAFT): PUBLISH,
    (S.ARCHIVED, S.PUBLISHED): PUBLISH,
    (S.SUBMITTED, S.ARCHIVED): PUBLISH,
    (S.DRAFT, S.ARCHIVED): PUBLISH,
}


def allowed_targets(user, model, current):
    """States `user` may move an entry of `model` to from `current` (current included)."""
    publisher = may_publish(user, model)
    targets = {current}
    for (source, target), needs in TRANSITIONS.items():
        if source == current and (needs == EDIT or publisher):
            targets.add(target)
    return [state for state in S.values if state in targets]


def stamp_publication(obj, user):
    obj.published_at = timezone.now()
    obj.published_by = user if getattr(user, "pk", None) else None


def transition(obj, target, *, user):
    """Move `obj` to `target` and save it through its app's service (one history record, one
    search refresh: a name published or withdrawn changes what is found), or raise PermissionDenied."""
    if target == obj.publication_state:
        return obj
    if target not in allowed_targets(user, type(obj), obj.publication_state):
        raise PermissionDenied(_("Vous ne pouvez pas passer cette fiche de « %(source)s » à « %(target)s ».")
                               % {"source": S(obj.publication_state).label, "target": S(target).label})
    obj.publication_state = target
    if target == S.PUBLISHED:
        stamp_publication(obj, user)
    return registry.services_for(type(obj)).save(entry=obj, user=user if getattr(user, "pk", None) else None)
