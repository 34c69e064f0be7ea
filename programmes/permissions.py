"""Which entries a staff account may see and edit in the admin.

Administrators and reviewers reach everything; an editor reaches the
programmes in which one of its organisations has a role, those programmes'
funded projects, and its organisations' own actor records.
"""
from actors.models import Actor
from actors.permissions import actors_in_scope, sees_everything

from .models import FundedProject, Programme


def programmes_in_scope(user, queryset=None):
    queryset = Programme.objects.all() if queryset is None else queryset
    if sees_everything(user):
        return queryset
    owned = Programme.objects.filter(roles__actor__editors=user).values("id")
    return queryset.filter(id__in=owned)


def projects_in_scope(user, queryset=None):
    queryset = FundedProject.objects.all() if queryset is None else queryset
    if sees_everything(user):
        return queryset
    return queryset.filter(programme_id__in=programmes_in_scope(user).values("id"))


def in_scope(user, obj):
    """Whether `obj` (a programme, project or actor) is within `user`'s reach."""
    if obj is None or obj.pk is None or sees_everything(user):
        return True
    scopes = {Programme: programmes_in_scope, FundedProject: projects_in_scope, Actor: actors_in_scope}
    return scopes[type(obj)](user).filter(pk=obj.pk).exists()
