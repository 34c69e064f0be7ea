from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_base import PublishableAdmin, SeatRegionFilter
from .models import Actor, Territory
from .permissions import actors_in_scope, sees_everything


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "insee_code"]
    list_filter = ["kind"]
    search_fields = ["name", "insee_code"]
    autocomplete_fields = ["parents"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["kind", "insee_code"]


@admin.register(Actor)
class ActorAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "kind", "seat", "publication_state", "updated_at"]
    list_filter = ["kind", "publication_state", SeatRegionFilter]
    list_select_related = ["seat"]
    search_fields = ["name", "acronym", "siren", "slug"]
    autocomplete_fields = ["seat"]
    filter_horizontal = ["editors"]
    prepopulated_fields = {"slug": ["name"]}

    def scope(self, request, queryset):
        # Editors pick partners among all actors in autocompletes, but only edit their own.
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "autocomplete":
            return queryset
        return actors_in_scope(request.user, queryset)

    def get_fieldsets(self, request, obj=None):
        main = ["name", "acronym", "slug", "kind", "seat", "siren", "website", "description"]
        if request.user.is_superuser:
            main.append("editors")
        return [
            (None, {"fields": main}),
            (_("Publication et provenance"), {"fields": ["publication_state", "source", "published_at", "published_by", "created_at", "updated_at"]}),
        ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and sees_everything(request.user)
