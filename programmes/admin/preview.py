"""Previews of unpublished programmes for the editors who reach them (see `editorial.preview`)."""
from editorial.preview import EntryPreview

from ..models import Programme
from ..views.programmes import ProgrammeDetailView


class ProgrammePreview(EntryPreview, ProgrammeDetailView):
    def preview_queryset(self):
        return Programme.objects.for_detail()
