"""Admin building blocks shared by the actor and programme admins."""
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Territory


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


class PublishableAdmin(SimpleHistoryAdmin):
    """Records who published an entry and when, whatever form published it."""

    readonly_fields = ["published_at", "published_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if "publication_state" in form.changed_data and obj.is_public:
            obj.published_at = timezone.now()
            obj.published_by = request.user
        super().save_model(request, obj, form, change)
