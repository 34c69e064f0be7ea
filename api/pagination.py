"""Page-number pagination with the listing's `page` parameter and its messages.

Pages rather than cursors: the listing's orders (deadline buckets, relevance) are computed, not a
unique column a cursor could point into, and `?page=N` of the API is then exactly page N of the
listing (same FilterSet, same order, `page_size` aside)."""
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.views import PageByIds

from .errors import InvalidParameters, PageNotFound

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def single(request, name):
    """The one value of `name` (None when absent); a repeated parameter is a 400, as on the pages."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise InvalidParameters([_("Le paramètre « %(name)s » ne peut apparaître qu'une fois.") % {"name": name}])
    return values[0] if values else None


def page_size(request):
    raw = single(request, "page_size")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise InvalidParameters([_("La taille de page doit être un nombre entier entre 1 et %(max)s.") % {"max": MAX_PAGE_SIZE}])
    return int(raw)


class PagePagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        # The page's ids first, then those rows whole from the unfiltered base (as the listing).
        rows = view.get_queryset() if view is not None else None
        paginator = Paginator(PageByIds(queryset, rows=rows), page_size(request))
        raw = single(request, "page")
        raw = 1 if raw is None else raw  # `?page=` (empty) is refused, as on the pages
        try:
            self.page = paginator.page(raw)
        except PageNotAnInteger:
            raise InvalidParameters([_("Le numéro de page « %(page)s » n'est pas un nombre entier.") % {"page": str(raw)[:20]}]) from None
        except EmptyPage:
            raise PageNotFound([
                _("La page %(page)s n'existe pas : les résultats tiennent sur %(count)s page(s).")
                % {"page": str(raw)[:20], "count": paginator.num_pages}
            ]) from None
        self.request = request
        return list(self.page.object_list)

    def link(self, number):
        url = self.request.build_absolute_uri()
        return None if number is None else (remove_query_param(url, "page") if number == 1 else replace_query_param(url, "page", number))

    def get_paginated_response(self, data):
        page = self.page
        return Response({
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "page_size": page.paginator.per_page,
            "next": self.link(page.next_page_number() if page.has_next() else None),
            "previous": self.link(page.previous_page_number() if page.has_previous() else None),
            "results": data,
        })

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        number = {"type": "integer", "minimum": 0}
        return {
            "type": "object",
            "required": ["count", "page", "pages", "page_size", "next", "previous", "results"],
            "properties": {
                "count": number, "page": {"type": "integer", "minimum": 1}, "pages": {"type": "integer", "minimum": 1},
                "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                "next": link, "previous": link, "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "page", "in": "query", "required": False,
             "description": "Numéro de page (1 par défaut).", "schema": {"type": "integer", "minimum": 1}},
            {"name": "page_size", "in": "query", "required": False,
             "description": f"Résultats par page ({DEFAULT_PAGE_SIZE} par défaut, {MAX_PAGE_SIZE} au plus).",
             "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}},
        ]
