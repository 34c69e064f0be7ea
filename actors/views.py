"""Public actor pages: listing, CSV export and detail.

The detail page shows what other apps register about the actor (its programmes and projects,
see `actors.activity`): this app never imports `programmes`.
"""
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from core.views import FilteredExportView, FilteredListView, numbered_title
from search.views import SearchResultsMixin

from .activity import activity_sections
from .excel_fr import french_actor_rows
from .exports import actor_rows
from .filters import ActorFilter
from .models import Actor


class ActorQuery:
    filterset_class = ActorFilter

    def get_queryset(self):
        return Actor.objects.published().for_listing()


class ActorListView(SearchResultsMixin, ActorQuery, FilteredListView):
    template_name = "actors/list.html"

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        filterset.form.fields["region"].empty_label = _("Toutes les régions")
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = numbered_title(_("Acteurs"), context.get("page_obj"))
        return context


class ActorExportView(ActorQuery, FilteredExportView):
    filename = "acteurs"
    rows = staticmethod(actor_rows)
    excel_rows = staticmethod(french_actor_rows)


class ActorDetailView(DetailView):
    template_name = "actors/detail.html"
    context_object_name = "actor"

    def get_queryset(self):
        return Actor.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activity_sections"] = activity_sections(self.object)
        return context
