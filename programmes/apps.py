from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes et projets financés")

    def ready(self):
        from actors.activity import register_section
        from actors.services import register_search_dependent
        from editorial import registry
        from territories.services import on_tree_change

        from . import actor_activity, services
        from .models import FundedProject, Programme

        # Programmes and projects show actors' names: renaming an actor refreshes them.
        register_search_dependent(services.refresh_for_actors)
        # An actor's page lists its programmes and funded projects.
        register_section(actor_activity.actor_section)
        # Their territory keys copy the territory tree's closure.
        on_tree_change(lambda: Programme.objects.all().refresh_listing_keys())
        # The workflow, restores and approvals write programmes and projects through these services.
        registry.register(Programme, save=lambda *, entry, **kwargs: services.save_programme(programme=entry, **kwargs),
                          apply_revision=services.apply_programme_revision)
        registry.register(FundedProject, save=lambda *, entry, **kwargs: services.save_project(project=entry, **kwargs),
                          apply_revision=services.apply_project_revision,
                          delete=lambda *, entry, user: services.delete_project(project=entry, user=user))
