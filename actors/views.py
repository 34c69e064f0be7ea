"""Public actor pages: listing, CSV export and detail.

The detail page lists the actor's programmes and projects through the
`programmes` template tags: this app never imports `programmes`.
"""
from django.views.generic import DetailView

from core.views import FilteredExportView, FilteredListView
from search.views import SearchResultsMixin

from .exports import actor_rows
from .filters import ActorFilter
from .models import Actor


class ActorQuery:
    filterset_class = ActorFilter

    def get_queryset(self):
        return Actor.objects.published().for_listing()


class ActorListView(SearchResultsMixin, ActorQuery, FilteredListView):
    template_name = "actors/list.html"


class ActorExportView(ActorQuery, FilteredExportView):
    filename = "acteurs"
    rows = staticmethod(actor_rows)


class ActorDetailView(DetailView):
    template_name = "actors/detail.html"
    context_object_name = "actor"

    def get_queryset(self):
        return Actor.objects.published().for_listing()
