from django.urls import path

from .views import dispositif_aide, where
from .views.feeds import programme_calendar, programme_feed
from .views.programmes import ProgrammeDetailView, ProgrammeExportView, ProgrammeListView
from .views.projects import ProjectExportView, ProjectListView

programme_patterns = (
    [
        path("", ProgrammeListView.as_view(), name="list"),
        path("export.csv", ProgrammeExportView.as_view(), name="export"),
        path("export-dispositifs.json", dispositif_aide.export_json, name="export_dispositifs_json"),
        path("export-dispositifs.csv", dispositif_aide.export_csv, name="export_dispositifs_csv"),
        # Before the detail pattern: "feed" is also a well-formed slug.
        path("feed/", programme_feed, name="feed"),
        path("calendar.ics", programme_calendar, name="calendar"),
        path("ou/", where.where, name="where"),
        path("ou/suggestions.json", where.suggestions, name="where_suggestions"),
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
