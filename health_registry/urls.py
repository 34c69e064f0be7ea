from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from actors.views import ActorExportView, ActorListView
from programmes.views.others import ActorDetailView, ProjectExportView, ProjectListView
from programmes.views.programmes import HomeView, ProgrammeDetailView, ProgrammeExportView, ProgrammeListView

programme_urls = (
    [
        path("", ProgrammeListView.as_view(), name="list"),
        path("export.csv", ProgrammeExportView.as_view(), name="export"),
        path("<slug:slug>/", ProgrammeDetailView.as_view(), name="detail"),
    ],
    "programmes",
)
# The actor pages live with programmes' views because they list programmes;
# actors itself never imports programmes.
actor_urls = (
    [
        path("", ActorListView.as_view(), name="list"),
        path("export.csv", ActorExportView.as_view(), name="export"),
        path("<slug:slug>/", ActorDetailView.as_view(), name="detail"),
    ],
    "actors",
)
project_urls = (
    [
        path("", ProjectListView.as_view(), name="list"),
        path("export.csv", ProjectExportView.as_view(), name="export"),
    ],
    "projects",
)

admin.site.site_header = _("Annuaire santé — espace éditeurs")
admin.site.site_title = _("Espace éditeurs")
admin.site.index_title = _("Tableau de bord")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("programmes/", include(programme_urls)),
    path("acteurs/", include(actor_urls)),
    path("projets/", include(project_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
