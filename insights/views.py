"""/statistiques/: the directory in figures, each chart with its table and its CSV file."""
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.views import csv_response

from .charts import bar_chart, table_cells
from .queries import TABLES
from .templatetags.insights import open_programmes_map as open_map_html


class StatisticsView(TemplateView):
    template_name = "insights/index.html"

    def get_context_data(self, **kwargs):
        charts = []
        for slug, build in TABLES.items():
            table = build()
            charts.append({"table": table, "chart": bar_chart(table) if table.chart else None, "cells": table_cells(table), "slug": slug})
        return super().get_context_data(charts=charts, **kwargs)


def csv_rows(table):
    """The table as CSV; a money table says how many projects have no amount (and no sum when none has one)."""
    if not table.unknown:
        yield table.columns
        for row in table.rows:
            yield [value if value is not None else "" for value in row]
        return
    yield [*table.columns, _("Projets sans montant communiqué")]
    for row, unknown in zip(table.rows, table.unknown):
        amount = "" if unknown and unknown == row[-2] else row[-1]
        yield [*(value if value is not None else "" for value in row[:-1]), amount, unknown]


def statistics_csv(request, slug):
    build = TABLES.get(slug)
    if build is None:
        raise Http404
    return csv_response(csv_rows(build()), filename=f"statistiques-{slug}", request=request)


@require_safe
def open_programmes_map(request):
    """The regions map alone, fetched by the listing's script: sent once per page type and kept by
    the browser (and the page cache), rather than inside every listing."""
    return HttpResponse(open_map_html(), content_type="text/html; charset=utf-8")
