"""Horizontal bar charts drawn as SVG on the server: geometry here, markup in insights/chart.html.

Each bar has its label above it and its value after it, so the chart reads without colour
and without hovering; the same numbers are in the table under the chart.
"""
from django.utils.formats import number_format

WIDTH = 600
ROW = 46  # label line + bar + gap, in SVG units
BAR = 18
VALUE_ROOM = 150  # room kept right of the longest bar for its value


def format_number(value, money=False):
    text = number_format(value, 0, force_grouping=True)
    return f"{text} €" if money else text


def bar_chart(table):
    """The bars of `table` (its last column), ready to draw."""
    values = [row[-1] for row in table.rows]
    largest = max(values, default=0) or 1
    bars = []
    for i, row in enumerate(table.rows):
        width = round((WIDTH - VALUE_ROOM) * row[-1] / largest, 1)
        width = max(width, 1 if row[-1] else 0)  # a non-zero value stays visible
        top = i * ROW
        # Coordinates as text: the template would write a float the French way ("450,0").
        bars.append({
            "label": row[1], "label_y": top + 16, "y": top + 22, "width": f"{width:g}",
            "text": format_number(row[-1], table.money), "text_x": f"{width + 8:g}", "text_y": top + 22 + BAR - 4,
        })
    return {"width": WIDTH, "height": max(len(bars) * ROW, ROW), "bar": BAR, "bars": bars}


def table_cells(table):
    """The table's rows without their code, numbers formatted."""
    return [
        [row[1]] + [format_number(v, table.money and k == len(row) - 3) for k, v in enumerate(row[2:])]
        for row in table.rows
    ]
