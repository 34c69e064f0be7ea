""""Importer (schéma national)" on the programme list: files in Etalab's schema-dispositif-aide
(JSON or CSV), with the same upload → preview → confirm → job pages as the CSV import."""
from django.urls import path, resolve, reverse

from editorial.imports import ImportJobView, ImportView

from ..dispositif_aide.importing import DISPOSITIFS


class _SchemaImport:
    """The programme admin as the import pages see it, with the schema's importer."""

    importer = DISPOSITIFS
    export_path = "/programmes/export-dispositifs.json"

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def __getattr__(self, name):
        return getattr(self.model_admin, name)


class DispositifImportView(ImportView):
    def confirm(self, request):
        response = super().confirm(request)
        if response.status_code == 303:  # queued: its page is this import's, not the CSV one's
            job = resolve(response["Location"]).kwargs["job"]
            response["Location"] = reverse("admin:programmes_programme_import_dispositifs_job", args=[job])
        return response


class DispositifImportMixin:
    change_list_template = "admin/programmes/programme/change_list_import.html"

    def get_urls(self):
        schema = _SchemaImport(self)
        view = self.admin_site.admin_view(DispositifImportView.as_view(model_admin=schema))
        job = self.admin_site.admin_view(ImportJobView.as_view(model_admin=schema))
        return [path("import-dispositifs/", view, name="programmes_programme_import_dispositifs"),
                path("import-dispositifs/<int:job>/", job, name="programmes_programme_import_dispositifs_job"), *super().get_urls()]
