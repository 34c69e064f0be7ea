"""Listing and CSV views over one FilterSet; bad filters and pages get a message and a 400."""
from collections.abc import Sequence

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import QuerySet
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views import View
from django_filters.views import FilterView

from .csvfile import Dialect, encode_rows


def csv_response(rows, *, filename, request):
    """Stream `rows` as CSV in the dialect asked by `?dialect=` (400 if unknown)."""
    dialect = request.GET.get("dialect") or Dialect.STANDARD
    if dialect not in Dialect.CHOICES or len(request.GET.getlist("dialect")) > 1:
        return HttpResponseBadRequest(
            _("Format inconnu. Valeurs possibles : %(choices)s.") % {"choices": ", ".join(Dialect.CHOICES)},
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(encode_rows(rows, dialect), content_type="text/csv; charset=utf-8")
    suffix = "-excel-fr" if dialect == Dialect.EXCEL_FR else ""
    response["Content-Disposition"] = f'attachment; filename="{filename}{suffix}.csv"'
    return response


def bad_filters_response(messages):
    text = _("Filtres invalides :") + "\n" + "\n".join(f"- {m}" for m in messages)
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


class PageByIds:
    """A queryset whose pages are fetched in two steps: the page's ids first, sorted on the
    ordering columns alone (an index can serve that), then only those rows, whole.

    Without it the database sorts the wide rows (descriptions, search text) of every
    match to keep twenty of them."""

    def __init__(self, queryset, rows=None):
        # `queryset` may also be the ordered ids themselves (a listing that keeps them).
        # `rows`: where to fetch the page's rows from, by id (default: `queryset` itself). The
        # unfiltered base is cheaper: the ids already passed the filters (a full-text match
        # again would cost as much as the first step).
        self.queryset = queryset
        self.rows = queryset if rows is None else rows

    def count(self):
        return self.queryset.count() if isinstance(self.queryset, QuerySet) else len(self.queryset)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if isinstance(self.queryset, QuerySet):
            return PageRows(list(self.queryset.values_list("pk", flat=True)[window]), self.rows)
        return PageRows(list(self.queryset[window]), self.rows)


class PageRows(Sequence):
    """A page's rows, fetched on first use: a page that shows them from elsewhere (cached
    cards) never fetches them, and one that does fetches them whole, once."""

    def __init__(self, ids, rows):
        self.ids = ids
        self.rows = rows
        self._fetched = None

    def fetch(self, ids):
        """The rows of these ids, in their order (a row deleted since is left out)."""
        found = {row.pk: row for row in self.rows.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def _all(self):
        if self._fetched is None:
            self._fetched = self.fetch(self.ids)
        return self._fetched

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self):
        # The ids' count: truthiness and `|length` never fetch the rows.
        return len(self.ids)

    def __iter__(self):
        return iter(self._all())


class FilteredListView(FilterView):
    """A bad parameter gets a message and a 400, but the page keeps every valid choice: the
    results, form and facets of the query string without the bad parameters."""

    paginate_by = 20
    params = None  # the query string's valid parameters (all of them when valid)
    page_errors = ()

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, so default ordering applies to the bare listing too.
        data = self.request.GET if self.params is None else self.params
        return {"data": data, "request": self.request, "queryset": self.get_queryset()}

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        errors = []
        if not self.filterset.is_valid():
            errors = self.filterset.errors_as_text()
            self.params = valid_params(request.GET, self.filterset)
            self.filterset = self.get_filterset(self.get_filterset_class())
        valid = self.filterset.is_valid()
        self.object_list = self.results() if valid else self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list, errors=errors)
        return self.render_to_response(context, status=400 if context["errors"] else 200)

    def results(self):
        """The rows of a valid FilterSet (a listing may find them another way)."""
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(PageByIds(queryset, rows=self.filterset.queryset), page_size)
        page, self.page_errors = pick_page(paginator, self.filterset.data.getlist("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.filterset.data.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        context["errors"] = [*kwargs.get("errors", []), *self.page_errors]
        return context


def numbered_title(name, page):
    """A listing's <title>: its name, and the page number past the first."""
    parts = [str(name)]
    if page is not None and page.number > 1:
        parts.append(_("page %(number)s") % {"number": page.number})
    return " — ".join(parts)


def valid_params(params, filterset):
    """`params` without the parameters `filterset` rejected (the other filters and `page` stay,
    except after a filter error: the pages then no longer match, so back to the first)."""
    kept = params.copy()
    for name in [*filterset.form.errors, *getattr(filterset, "_repeated", ()), "page"]:
        kept.pop(name, None)
    return kept


def pick_page(paginator, pages):
    """(page, errors): a bad page number shows the first page, one past the end the last."""
    raw = pages[0] if len(pages) == 1 else 1
    errors = [_("Le paramètre « page » ne peut apparaître qu'une fois : voici la première page.")] if len(pages) > 1 else []
    try:
        return paginator.page(raw), errors
    except PageNotAnInteger:
        errors.append(_("Le numéro de page « %(page)s » n'est pas un nombre entier : voici la première page.") % {"page": str(raw)[:20]})
        return paginator.page(1), errors
    except EmptyPage:
        last = paginator.num_pages
        target = last if int(raw) > last else 1
        errors.append(
            _("La page %(page)s n'existe pas : les résultats tiennent sur %(count)s page(s), voici la page %(target)s.")
            % {"page": str(raw)[:20], "count": last, "target": target}
        )
        return paginator.page(target), errors


class FilteredExportView(View):
    """The CSV twin of a FilteredListView: same FilterSet, same queryset, all rows."""

    filterset_class = None
    filename = None
    rows = None  # a generator function: queryset -> header, then rows
    # The same for `?dialect=excel-fr`, rows as people read them (French headers, labels, names);
    # None: `rows`. The standard rows stay the import's format.
    excel_rows = None

    def get(self, request, *args, **kwargs):
        filterset = self.filterset_class(request.GET, queryset=self.get_queryset())
        if not filterset.is_valid():
            return bad_filters_response(filterset.errors_as_text())
        rows = type(self).rows
        if request.GET.get("dialect") == Dialect.EXCEL_FR and self.excel_rows is not None:
            rows = type(self).excel_rows
        return csv_response(rows(filterset.qs), filename=self.filename, request=request)
