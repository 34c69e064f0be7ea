from django.urls import path

from .views.programmes import ProgrammeDetailView, ProgrammeExportView, ProgrammeListView
from .views.projects import ProjectExportView, ProjectListView

programme_patterns = (
    [
        path("", ProgrammeListView.as_view(), name="list"),
        path("export.csv", ProgrammeExportView.as_view(), name="export"),
        path("<slug:slug>/", ProgrammeDetailView.as_view(), name="detail"),
    ],
    "programmes",
)
project_patterns = (
    [
        path("", ProjectListView.as_view(), name="list"),
        path("export.csv", ProjectExportView.as_view(), name="export"),
    ],
    "projects",
)
