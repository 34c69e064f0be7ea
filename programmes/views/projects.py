"""Public pages of funded projects: listing and CSV export."""
from django import forms
from django.utils.translation import gettext as _

from actors.models import Actor
from core.views import FilteredExportView, FilteredListView, numbered_title
from search.views import SearchResultsMixin

from ..excel_fr_projects import french_project_rows
from ..exports import project_rows
from ..filters import ProjectFilter
from ..models import FundedProject


class ProjectQuery:
    filterset_class = ProjectFilter

    def get_queryset(self):
        return FundedProject.objects.published().for_listing()


class ProjectListView(SearchResultsMixin, ProjectQuery, FilteredListView):
    template_name = "programmes/projects.html"

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        readable_choices(filterset.form)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = numbered_title(_("Projets financés"), context.get("page_obj"))
        return context


def readable_choices(form):
    """Lists that say what their empty choice means, and the years that have projects (a list,
    not a free-text box: one query, whatever the number of projects)."""
    form.fields["region"].empty_label = _("Toutes les régions")
    form.fields["programme"].empty_label = _("Tous les programmes")
    kinds = form.fields["beneficiary_kind"]
    kinds.empty_label = _("Tous les types")
    kinds.choices = Actor.Kind.choices  # redrawn with the new empty label
    years = FundedProject.objects.published().exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()
    form.fields["year"].widget = forms.Select(choices=[("", _("Toutes les années")), *((y, y) for y in years)])


class ProjectExportView(ProjectQuery, FilteredExportView):
    filename = "projets"
    rows = staticmethod(project_rows)
    excel_rows = staticmethod(french_project_rows)
