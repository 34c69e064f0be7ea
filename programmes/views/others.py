"""Public pages that join actors and programmes: actor detail, funded projects."""
from django.views.generic import DetailView

from actors.models import Actor
from actors.views_base import FilteredExportView, FilteredListView

from ..exports import project_rows
from ..filters import ProjectFilter
from ..models import FundedProject, ProgrammeActor


class ActorDetailView(DetailView):
    template_name = "actors/detail.html"
    context_object_name = "actor"

    def get_queryset(self):
        return Actor.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = (
            ProgrammeActor.objects.filter(actor=self.object, programme__publication_state="published")
            .select_related("programme").order_by("programme__title", "role")
        )
        grouped = {}
        for role in roles:
            grouped.setdefault(role.programme, []).append(role.get_role_display())
        context["programme_roles"] = list(grouped.items())
        context["projects"] = FundedProject.objects.published().for_listing().filter(beneficiary=self.object)
        context["partner_projects"] = FundedProject.objects.published().for_listing().filter(partners=self.object)
        return context


class ProjectQuery:
    filterset_class = ProjectFilter

    def get_queryset(self):
        return FundedProject.objects.published().for_listing()


class ProjectListView(ProjectQuery, FilteredListView):
    template_name = "programmes/projects.html"


class ProjectExportView(ProjectQuery, FilteredExportView):
    filename = "projets"
    rows = staticmethod(project_rows)
