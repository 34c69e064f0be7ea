from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Publication et relecture")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .roles import ensure_roles

        # Runs after every app's migrations (auth's post_migrate creates the permissions first:
        # editorial is listed after it), so the groups always hold the current permissions.
        post_migrate.connect(ensure_roles, dispatch_uid="editorial_ensure_roles")
