"""Funded-project admin."""
from django.contrib import admin

from editorial.admin import ImportAdminMixin, PublishableAdmin

from ..imports import PROJECTS
from ..models import FundedProject, Programme


@admin.register(FundedProject)
class FundedProjectAdmin(ImportAdminMixin, PublishableAdmin):
    importer = PROJECTS
    export_path = "/projets/export.csv"
    list_display = ["title", "programme", "beneficiary", "year", "amount", "publication_state"]
    list_filter = ["publication_state", "year", "programme__kind"]
    list_select_related = ["programme", "beneficiary"]
    search_fields = ["title", "beneficiary__name", "programme__title"]
    autocomplete_fields = ["programme", "beneficiary", "partners", "territory"]
    prepopulated_fields = {"slug": ["title"]}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            # A crafted POST cannot attach a project to another organisation's programme.
            kwargs["queryset"] = Programme.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
