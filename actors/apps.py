from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Acteurs")

    def ready(self):
        from editorial import registry

        from . import services
        from .models import Actor

        # The workflow, restores and approvals write actors through these services.
        registry.register(Actor, save=lambda *, entry, **kwargs: services.save_actor(actor=entry, **kwargs),
                          apply_revision=services.apply_actor_revision)
