"""Public pages of funded projects: listing and CSV export."""
from core.views import FilteredExportView, FilteredListView
from search.views import SearchResultsMixin

from ..exports import project_rows
from ..filters import ProjectFilter
from ..models import FundedProject


class ProjectQuery:
    filterset_class = ProjectFilter

    def get_queryset(self):
        return FundedProject.objects.published().for_listing()


class ProjectListView(SearchResultsMixin, ProjectQuery, FilteredListView):
    template_name = "programmes/projects.html"


class ProjectExportView(ProjectQuery, FilteredExportView):
    filename = "projets"
    rows = staticmethod(project_rows)
