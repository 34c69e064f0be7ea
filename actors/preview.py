"""Previews of unpublished organisations for the editors who reach them (see `editorial.preview`)."""
from editorial.preview import EntryPreview

from .models import Actor
from .views import ActorDetailView


class ActorPreview(EntryPreview, ActorDetailView):
    def preview_queryset(self):
        return Actor.objects.for_listing()
