"""Admin building blocks shared by the actor and programme admins:
organisation scope, publication workflow and actions, region filter."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .history import pause_history, record_once
from .models import PublicationState, Territory
from .workflow import allowed_targets, stamp_publication, transition


class RegionListFilter(admin.SimpleListFilter):
    """Subclasses say how a queryset is narrowed to a region via `filter_region`."""

    title = _("région")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        regions = Territory.objects.filter(kind=Territory.Kind.REGION).order_by("name")
        return [(r.insee_code, r.name) for r in regions]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        region = Territory.objects.filter(kind=Territory.Kind.REGION, insee_code=self.value()).first()
        if region is None:
            return queryset.none()
        return self.filter_region(queryset, region)

    def filter_region(self, queryset, region):
        raise NotImplementedError


class SeatRegionFilter(RegionListFilter):
    def filter_region(self, queryset, region):
        return queryset.in_territory(region)


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

    def scope(self, request, queryset):
        """Entries of this model that `request.user` may reach; overridden per model."""
        return queryset

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def _reachable(self, request, obj):
        return obj is None or self.scope(request, self.model.objects.filter(pk=obj.pk)).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._reachable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._reachable(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Entries are archived, not deleted, except by administrators.
        return request.user.is_superuser

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
