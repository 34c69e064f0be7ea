"""The workflow actions of the admin lists: offered to who may run them, and logged.

An action is offered only with the model permission its transitions need (Django's
`allowed_permissions`, answered by `PublishableAdmin.has_publish_permission` through the
policy): editors are not offered "Publier" or "Archiver". Each move is written to the admin's
log, so that submissions and publications appear in "Actions récentes" like any other change.
"""
from django.utils.translation import gettext as _

from .models import PublicationState as S
from .workflow import PUBLISH, TRANSITIONS


def required_permission(target):
    """"publish" when every way into `target` needs it, else "change"."""
    needs = {need for (_source, to), need in TRANSITIONS.items() if to == target}
    return "publish" if needs == {PUBLISH} else "change"


def transition_message(source, target):
    """The log's words for a move from `source` to `target` (in the language of the request)."""
    if source == S.ARCHIVED:
        return _("Restauré depuis les archives (%(state)s)") % {"state": S(target).label}
    messages = {
        S.SUBMITTED: _("Soumis pour relecture"),
        S.PUBLISHED: _("Publié"),
        S.ARCHIVED: _("Archivé"),
        S.DRAFT: _("Repassé en brouillon"),
    }
    return messages[target]


def log_transition(modeladmin, request, obj, source):
    """Record the move of `obj` out of `source` in the admin's log (nothing when it stayed)."""
    if obj.publication_state != source:
        modeladmin.log_change(request, obj, transition_message(source, obj.publication_state))
