from .exports import actor_rows
from .filters import ActorFilter
from .http import bad_filters_response, csv_response
from .models import Actor
from .views_base import FilteredListView


class ActorListView(FilteredListView):
    filterset_class = ActorFilter
    template_name = "actors/list.html"

    def get_queryset(self):
        return Actor.objects.published().for_listing()


def actor_export(request):
    filterset = ActorFilter(request.GET, queryset=Actor.objects.published().for_listing())
    if not filterset.is_valid():
        return bad_filters_response(filterset.errors_as_text())
    return csv_response(actor_rows(filterset.qs), filename="acteurs", request=request)
