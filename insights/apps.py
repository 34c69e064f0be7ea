from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    # Not "statistics": that would shadow the standard library's module.
    name = "insights"
    verbose_name = _("Statistiques")
