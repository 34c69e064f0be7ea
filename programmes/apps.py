from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes et projets financés")

    def ready(self):
        from actors.services import register_search_dependent

        from .services import refresh_for_actors

        # Programmes and projects show actors' names: renaming an actor refreshes them.
        register_search_dependent(refresh_for_actors)
