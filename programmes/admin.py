from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from actors.admin_base import PublishableAdmin, RegionListFilter

from .models import Audience, FundedProject, Programme, ProgrammeActor, Theme
from .status import Status, status_expression


class ProgrammeRegionFilter(RegionListFilter):
    def filter_region(self, queryset, region):
        return queryset.for_territory(region, local_only=True)


class StatusFilter(admin.SimpleListFilter):
    title = _("statut")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(computed_status=self.value())
        return queryset


class ProgrammeActorInline(admin.TabularInline):
    model = ProgrammeActor
    extra = 1
    autocomplete_fields = ["actor"]


class FundedProjectInline(admin.StackedInline):
    model = FundedProject
    extra = 0
    fields = ["title", "slug", "beneficiary", "year", "awarded_on", "amount", "territory", "publication_state"]
    autocomplete_fields = ["beneficiary", "territory"]
    show_change_link = True


@admin.register(Theme, Audience)
class ReferenceItemAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ["title", "kind", "status_label", "opens_on", "deadline", "publication_state", "last_verified_on"]
    list_filter = ["kind", StatusFilter, ProgrammeRegionFilter, "themes", "publication_state", "recurrence"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["territories"]
    filter_horizontal = ["themes", "audiences"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgrammeActorInline, FundedProjectInline]
    date_hierarchy = "deadline"
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description"]}),
        (_("Calendrier"), {"fields": ["opens_on", "deadline", "recurrence"]}),
        (_("Montants (€)"), {"fields": ["total_budget", "amount_min", "amount_max"]}),
        (_("Ciblage"), {"fields": ["territories", "themes", "audiences"]}),
        (_("Contact et source"), {"fields": ["website", "contact_name", "contact_email", "source", "last_verified_on"]}),
        (_("Publication"), {"fields": ["publication_state", "published_at", "published_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(computed_status=status_expression())

    @admin.display(description=_("statut"), ordering="computed_status")
    def status_label(self, obj):
        return obj.get_status_display()


@admin.register(FundedProject)
class FundedProjectAdmin(PublishableAdmin):
    list_display = ["title", "programme", "beneficiary", "year", "amount", "publication_state"]
    list_filter = ["year", "publication_state", "programme__kind"]
    list_select_related = ["programme", "beneficiary"]
    search_fields = ["title", "beneficiary__name", "programme__title"]
    autocomplete_fields = ["programme", "beneficiary", "partners", "territory"]
    prepopulated_fields = {"slug": ["title"]}
