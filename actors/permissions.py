"""Staff scope for actor records (programmes extends this for its own models)."""
from .models import Actor


def sees_everything(user):
    """Administrators and reviewers (who hold the publish permissions) reach every entry."""
    return user.is_active and user.is_staff and (user.is_superuser or user.has_perm("actors.publish_actor"))


def actors_in_scope(user, queryset=None):
    queryset = Actor.objects.all() if queryset is None else queryset
    if sees_everything(user):
        return queryset
    return queryset.filter(editors=user)
