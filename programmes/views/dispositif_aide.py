"""The listing in Etalab's schema-dispositif-aide: `/programmes/export-dispositifs.json` and
`.csv`, with the listing's parameters (same FilterSet, same rows, same order; bad ones: 400)."""
from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from core.views import bad_filters_response, csv_response

from ..dispositif_aide import export as dispositif_aide
from ..filters import filter_programmes


def _filtered(request):
    filterset = filter_programmes(request.GET)
    return filterset, (None if filterset.is_valid() else bad_filters_response(filterset.errors_as_text()))


@require_safe
def export_json(request):
    filterset, refused = _filtered(request)
    if refused:
        return refused
    chunks = (text.encode("utf-8") for text in dispositif_aide.json_chunks(filterset.qs))
    response = StreamingHttpResponse(chunks, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dispositifs-aide.json"'
    return response


@require_safe
def export_csv(request):
    filterset, refused = _filtered(request)
    if refused:
        return refused
    return csv_response(dispositif_aide.csv_rows(filterset.qs), filename="dispositifs-aide", request=request)
