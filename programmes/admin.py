from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from actors.admin_base import PublishableAdmin
from actors.permissions import sees_everything
from actors.workflow import can_publish

from .admin_import import ImportView
from .admin_tools import FreshnessFilter, ProgrammeActorInline, ProgrammeRegionFilter, StatusFilter, mark_verified
from .models import Audience, FundedProject, Programme, ProgrammeActor, Theme
from .permissions import programmes_in_scope, projects_in_scope
from .status import status_expression


class FundedProjectInline(admin.StackedInline):
    model = FundedProject
    extra = 0
    fields = ["title", "slug", "beneficiary", "year", "awarded_on", "amount", "territory", "publication_state"]
    autocomplete_fields = ["beneficiary", "territory"]
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        # Editors cannot publish a project through the programme page either.
        return [] if can_publish(request.user, FundedProject) else ["publication_state"]

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Theme, Audience)
class ReferenceItemAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ["title", "kind", "status_label", "opens_on", "deadline", "publication_state", "last_verified_on"]
    list_filter = ["publication_state", "kind", StatusFilter, ProgrammeRegionFilter, "themes", FreshnessFilter, "recurrence"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["territories"]
    filter_horizontal = ["themes", "audiences"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgrammeActorInline, FundedProjectInline]
    date_hierarchy = "deadline"
    actions = [*PublishableAdmin.actions, mark_verified]
    change_list_template = "admin/programmes/programme/change_list.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description"]}),
        (_("Calendrier"), {"fields": ["opens_on", "deadline", "recurrence"]}),
        (_("Montants (€)"), {"fields": ["total_budget", "amount_min", "amount_max"]}),
        (_("Ciblage"), {"fields": ["territories", "themes", "audiences"]}),
        (_("Contact et source"), {"fields": ["website", "contact_name", "contact_email", "source", "last_verified_on"]}),
        (_("Publication"), {"fields": ["publication_state", "published_at", "published_by", "created_at", "updated_at"]}),
    ]

    def scope(self, request, queryset):
        return programmes_in_scope(request.user, queryset)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(computed_status=status_expression())

    @admin.display(description=_("statut"), ordering="computed_status")
    def status_label(self, obj):
        return obj.get_status_display()

    def get_urls(self):
        import_view = self.admin_site.admin_view(ImportView.as_view(model_admin=self))
        return [path("import/", import_view, name="programmes_programme_import"), *super().get_urls()]


@admin.register(FundedProject)
class FundedProjectAdmin(PublishableAdmin):
    list_display = ["title", "programme", "beneficiary", "year", "amount", "publication_state"]
    list_filter = ["publication_state", "year", "programme__kind"]
    list_select_related = ["programme", "beneficiary"]
    search_fields = ["title", "beneficiary__name", "programme__title"]
    autocomplete_fields = ["programme", "beneficiary", "partners", "territory"]
    prepopulated_fields = {"slug": ["title"]}

    def scope(self, request, queryset):
        return projects_in_scope(request.user, queryset)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            # A crafted POST cannot attach a project to another organisation's programme.
            kwargs["queryset"] = programmes_in_scope(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ProgrammeActor.history.model)
class RoleHistoryAdmin(admin.ModelAdmin):
    """Read-only log of role changes (added, changed, removed), made through programme inlines."""

    list_display = ["history_date", "programme", "actor", "role", "history_type", "history_user"]
    list_filter = ["history_type", "role"]
    list_select_related = ["programme", "actor", "history_user"]
    search_fields = ["programme__title", "actor__name"]
    date_hierarchy = "history_date"

    def has_view_permission(self, request, obj=None):
        return sees_everything(request.user)

    def has_module_permission(self, request):
        return sees_everything(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
