"""Reference lists (themes, audiences) and the read-only role history."""
from django.contrib import admin

from editorial import policy
from editorial.history_page import HistoryRecordsAdmin

from .. import services
from ..models import Audience, ProgrammeActor, Theme


@admin.register(Theme, Audience)
class ReferenceItemAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.save_reference_item(item=obj)

    def delete_model(self, request, obj):
        services.delete_reference_items(items=[obj])

    def delete_queryset(self, request, queryset):
        services.delete_reference_items(items=queryset)


@admin.register(ProgrammeActor.history.model)
class RoleHistoryAdmin(HistoryRecordsAdmin):
    """Read-only log of role changes (added, changed, removed), made through programme inlines."""

    list_display = ["version_date", "programme", "actor", "role", "action", "author"]
    list_filter = [HistoryRecordsAdmin.ACTION_FILTER, "role"]
    list_select_related = ["programme", "actor", "history_user"]
    search_fields = ["programme__title", "actor__name"]
    date_hierarchy = "history_date"

    def has_view_permission(self, request, obj=None):
        return policy.sees_everything(request.user)

    def has_module_permission(self, request):
        return policy.sees_everything(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
