from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes et projets financés")

    def ready(self):
        from . import signals  # noqa: F401  (keeps search text current)
