"""HTTP helpers shared by the public views."""
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from .csv_export import Dialect, encode_rows


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
