from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_base import PublishableAdmin, SeatRegionFilter
from .models import Actor, Territory


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
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "seat", "siren", "website", "description"]}),
        (_("Publication et provenance"), {"fields": ["publication_state", "source", "published_at", "published_by", "created_at", "updated_at"]}),
    ]
