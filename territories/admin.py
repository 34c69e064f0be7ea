from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Territory
from .services import rebuild_closure


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "insee_code"]
    list_filter = ["kind"]
    search_fields = ["name", "insee_code"]
    autocomplete_fields = ["parents"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["kind", "insee_code"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rebuild_closure()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        rebuild_closure()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        rebuild_closure()


class RegionListFilter(admin.SimpleListFilter):
    """Admin list filter by region; the model's queryset says what "in" means (`located_in`)."""

    title = _("région")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(r.insee_code, r.name) for r in Territory.objects.regions()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        region = Territory.objects.regions().filter(insee_code=self.value()).first()
        return queryset.none() if region is None else queryset.located_in(region)
