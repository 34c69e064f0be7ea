from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes et projets financés")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (keeps search text current)
        from .roles import ensure_roles

        # After auth's own post_migrate has created the permissions.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="programmes_ensure_roles")
