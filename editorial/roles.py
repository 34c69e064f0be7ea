"""The editors' and reviewers' groups, kept in step after every `migrate`.

Editors write drafts for their organisations; reviewers publish and archive
anything; administrators are superusers. Scoping to organisations is done in
`editorial.policy`, on top of these model permissions.
"""
from django.apps import apps
from django.contrib.auth.models import Group, Permission

EDITORS = "Éditeurs"
REVIEWERS = "Relecteurs"

VIEW_REFERENCE = ["territories.view_territory", "programmes.view_theme", "programmes.view_audience"]
EDITOR_PERMISSIONS = VIEW_REFERENCE + [
    "actors.view_actor", "actors.change_actor",
    "programmes.view_programme", "programmes.add_programme", "programmes.change_programme",
    "programmes.view_programmeactor", "programmes.add_programmeactor", "programmes.change_programmeactor",
    "programmes.delete_programmeactor",
    "programmes.view_fundedproject", "programmes.add_fundedproject", "programmes.change_fundedproject",
]
REVIEWER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "editorial.review", "actors.add_actor", "actors.publish_actor", "programmes.publish_programme", "programmes.publish_fundedproject",
]


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            found.append(permission)
    return found


def ensure_roles(app_config=None, **kwargs):
    """Create or resynchronise the two groups (idempotent).

    After `migrate`, only once the last app's permissions exist (`post_migrate` is sent only
    for apps with models: an app without any, such as the API, comes last and never gets it)."""
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is not None and app_config is not with_models[-1]:
        return
    for name, names in ((EDITORS, EDITOR_PERMISSIONS), (REVIEWERS, REVIEWER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(names))
