from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared plumbing with no models: text folding, CSV, imports, filter and view bases, page cache."""

    name = "core"

    def ready(self):
        from django.conf import settings
        from django.db.backends.signals import connection_created
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .collation import register_sqlite_collation
        from .directory_version import bump_directory_version

        connection_created.connect(register_sqlite_collation, dispatch_uid="core_french_collation")

        # Any write to the directory's data makes every cached page stale (one cache write).
        def bump(sender, **kwargs):
            if sender._meta.app_label in settings.DIRECTORY_APPS:
                bump_directory_version()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump, weak=False, dispatch_uid=f"directory_version_{signal!r}")
