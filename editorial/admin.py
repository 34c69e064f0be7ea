"""The admin of every publishable entry: scope, workflow actions, one history record per change.

Every decision is `editorial.policy`'s: which rows a user reaches, what they may do.
"""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import policy
from .history import pause_history, record_once
from .imports import ImportView
from .models import PublicationState
from .workflow import allowed_targets, stamp_publication, transition


def _workflow_action(target, label):
    def action(modeladmin, request, queryset):
        done = refused = 0
        for obj in queryset:
            try:
                transition(obj, target, user=request.user)
                done += 1
            except PermissionDenied:
                refused += 1
        if done:
            modeladmin.message_user(request, ngettext("%(n)d fiche mise à jour.", "%(n)d fiches mises à jour.", done) % {"n": done})
        if refused:
            modeladmin.message_user(
                request, ngettext("%(n)d fiche refusée : transition non autorisée.", "%(n)d fiches refusées : transition non autorisée.", refused) % {"n": refused},
                level=messages.WARNING,
            )

    action.__name__ = f"make_{target}"
    action.short_description = label
    return action


class PublishableAdmin(SimpleHistoryAdmin):
    """Scoped to the user's organisations, with the publication workflow."""

    readonly_fields = ["published_at", "published_by", "created_at", "updated_at"]
    actions = [
        _workflow_action(PublicationState.SUBMITTED, _("Soumettre pour relecture")),
        _workflow_action(PublicationState.PUBLISHED, _("Publier")),
        _workflow_action(PublicationState.ARCHIVED, _("Archiver")),
        _workflow_action(PublicationState.DRAFT, _("Repasser en brouillon")),
    ]

    def get_queryset(self, request):
        return policy.reachable(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        return policy.can(request.user, policy.VIEW, obj, model=self.model) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return policy.can(request.user, policy.CHANGE, obj, model=self.model)

    def has_add_permission(self, request):
        return policy.can(request.user, policy.ADD, model=self.model)

    def has_delete_permission(self, request, obj=None):
        return policy.can(request.user, policy.DELETE, obj, model=self.model)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("publication_state")
        if field is not None:
            current = obj.publication_state if obj else PublicationState.DRAFT
            allowed = allowed_targets(request.user, self.model, current)
            field.choices = [(value, label) for value, label in PublicationState.choices if value in allowed]
        return form

    def save_model(self, request, obj, form, change):
        if "publication_state" in form.changed_data and obj.is_public:
            stamp_publication(obj, request.user)
        # The history record is written once, after the m2m and inlines (save_related).
        pause_history(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        try:
            super().save_related(request, form, formsets, change)
        finally:
            record_once(form.instance, created=not change)
        # After the last save: a refresh made earlier would be overwritten by it.
        self.refresh_derived(form.instance)

    def refresh_derived(self, obj):
        """Recompute what is derived from `obj` (search text…) through its app's services."""


class ImportAdminMixin:
    """Adds "Importer un CSV" to a changelist; `importer` is a `core.imports.Importer`."""

    importer = None
    export_path = ""
    change_list_template = "admin/change_list_import.html"

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(ImportView.as_view(model_admin=self))
        return [path("import/", view, name=f"{opts.app_label}_{opts.model_name}_import"), *super().get_urls()]
