"""The API's 400: the same messages as the listing's, as JSON."""
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException


class InvalidParameters(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameters"

    def __init__(self, messages):
        # A dict detail is sent as is by DRF's exception handler: {"detail": …, "errors": […]}.
        super().__init__({"detail": _("Filtres invalides :"), "errors": [str(m) for m in messages]})


class PageNotFound(InvalidParameters):
    """A page past the last one: the listing's message, as a 404 (there is no such resource;
    the parameter itself is well-formed)."""

    status_code = status.HTTP_404_NOT_FOUND
    default_code = "page_not_found"
