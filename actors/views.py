from .exports import actor_rows
from .filters import ActorFilter
from .models import Actor
from .views_base import FilteredExportView, FilteredListView


class ActorQuery:
    filterset_class = ActorFilter

    def get_queryset(self):
        return Actor.objects.published().for_listing()


class ActorListView(ActorQuery, FilteredListView):
    template_name = "actors/list.html"


class ActorExportView(ActorQuery, FilteredExportView):
    filename = "acteurs"
    rows = staticmethod(actor_rows)
