"""Public programme pages: home, listing, detail, CSV export."""
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from core.views import FilteredExportView, FilteredListView
from search.views import SearchResultsMixin
from territories.models import Territory

from ..exports import programme_rows
from ..facets import FacetRows, facet_counts, facet_options
from ..filters import ProgrammeFilter, public_programmes
from ..models import FundedProject, Programme
from ..reasons import annotate_reasons
from ..status import open_q, today


class HomeView(TemplateView):
    template_name = "programmes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Programme.objects.published()
        context.update(
            regions=Territory.objects.regions(),
            open_count=published.filter(open_q()).count(),
            programme_count=published.count(),
            closing_soon=published.for_listing().filter(open_q(), deadline__gte=today()).order_by("deadline", "title")[:5],
            latest_projects=FundedProject.objects.published().for_listing().order_by("-year", "-created_at")[:5],
        )
        return context


class ProgrammeQuery:
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return public_programmes()


class ProgrammeListView(SearchResultsMixin, ProgrammeQuery, FilteredListView):
    template_name = "programmes/list.html"

    facet_rows = None

    def get_context_data(self, **kwargs):
        self.facet_rows = None if kwargs.get("errors") else FacetRows(self.filterset)
        context = super().get_context_data(**kwargs)
        if not context["errors"]:
            context["facets"] = facet_options(self.filterset, facet_counts(self.filterset, self.facet_rows))
            annotate_reasons(context["object_list"], self.filterset.selected_territory)
            context["chips"] = active_chips(self.request.GET, context["facets"], self.filterset)
        return context


    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        known = self.facet_rows.result_count() if self.facet_rows else None
        if known is not None:
            paginator.count = known  # the facets fetched the result ids: no COUNT query
        return paginator


def active_chips(params, facets, filterset):
    """Removable chips: (label, URL without that one value)."""
    labels = {name: {value: label for value, label, _count, _checked in options} for name, options in facets.items()}
    data = getattr(filterset.form, "cleaned_data", {})
    chips = []
    for name, values in params.lists():
        if name in ("page", "sort"):
            continue
        for value in values:
            if not value:
                continue
            remaining = params.copy()
            remaining.setlist(name, [v for v in values if v != value])
            remaining.pop("page", None)
            label = labels.get(name, {}).get(value)
            if label is None:
                label = _chip_label(name, value, data)
            chips.append((label, remaining.urlencode()))
    return chips


def _chip_label(name, value, data):
    if name == "q":
        return _("« %(q)s »") % {"q": value}
    if name == "scope":
        return _("Seulement local")
    obj = data.get(name)
    return str(obj) if obj else value


class ProgrammeDetailView(DetailView):
    template_name = "programmes/detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = list(self.object.funded_projects.all())
        context["projects"] = projects
        amounts = [p.amount for p in projects if p.amount is not None]
        context["projects_total"] = sum(amounts) if amounts else None
        context["projects_unknown_amounts"] = len(projects) - len(amounts)
        return context


class ProgrammeExportView(ProgrammeQuery, FilteredExportView):
    filename = "programmes"
    rows = staticmethod(programme_rows)
