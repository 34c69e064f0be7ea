from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import ImportAdminMixin, PublishableAdmin
from editorial.policy import manages_accounts, reachable
from territories.admin import RegionListFilter

from .imports import ACTORS
from .models import Actor
from .preview import ActorPreview


@admin.register(Actor)
class ActorAdmin(ImportAdminMixin, PublishableAdmin):
    importer = ACTORS
    export_path = "/acteurs/export.csv"
    list_display = ["name", "acronym", "kind", "seat", "publication_state", "updated_at"]
    list_filter = ["kind", "publication_state", RegionListFilter]
    list_select_related = ["seat"]
    search_fields = ["name", "acronym", "siren", "slug"]
    autocomplete_fields = ["seat"]
    filter_horizontal = ["editors"]
    prepopulated_fields = {"slug": ["name"]}
    preview_view = ActorPreview

    def get_queryset(self, request):
        # Editors pick partners among the published actors and their own in autocompletes,
        # but only edit their own (another organisation's draft is nobody else's business).
        match = getattr(request, "resolver_match", None)
        queryset = super(PublishableAdmin, self).get_queryset(request)
        if match and match.url_name == "autocomplete":
            return queryset.published() | queryset.filter(pk__in=reachable(request.user, queryset).values("pk"))
        return reachable(request.user, queryset)

    def get_fieldsets(self, request, obj=None):
        main = ["name", "acronym", "slug", "kind", "seat", "siren", "website", "description"]
        if manages_accounts(request.user):
            main.append("editors")
        return [
            (None, {"fields": main}),
            (_("Publication et provenance"), {"fields": ["publication_state", "source", "published_at", "published_by", "created_at", "updated_at"]}),
        ]
