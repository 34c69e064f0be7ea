"""The admin's "view on site" shortcut (/admin/r/<content type>/<id>/), through the policy:
a published entry's public page, an unpublished one's preview."""
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponseRedirect

from . import policy
from .preview import preview_url


def view_on_site(request, content_type_id, object_id):
    """Django's own shortcut sends any staff user to any object's page, whose address names it
    (another organisation's draft slug): here only an entry the user may view, else 404."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        entry = model._default_manager.get(pk=object_id) if _governed(model) else None
    except (ObjectDoesNotExist, ValueError, ValidationError):
        entry = None
    if entry is None or not policy.can(request.user, policy.VIEW, entry):
        raise Http404
    if not entry.is_public:
        # Its public page would be a 404: its preview instead (see `editorial.preview`).
        url = preview_url(entry)
        if url is None:
            raise Http404
        return HttpResponseRedirect(url)
    return shortcut(request, content_type_id, object_id)


def _governed(model):
    """Entries the policy answers for (their QuerySet says who owns them); no other model has a public page."""
    return model is not None and hasattr(model._default_manager.none(), "owned_by")
