"""Horizontal bar charts drawn as SVG on the server: geometry here, markup in insights/chart.html.

Each bar has its label above it and its value after it, so the chart reads without colour
and without hovering; the same numbers are in the table under the chart.
"""
from django.utils.formats import number_format
from django.utils.translation import ngettext

WIDTH = 600
ROW = 46  # label line + bar + gap, in SVG units
BAR = 18
VALUE_ROOM = 150  # room kept right of the longest bar for its value (more when a value's text is longer)
CHAR = 9  # SVG units per character of a value (15px bold, generously)


def format_number(value, money=False):
    text = number_format(value, 0, force_grouping=True)
    return f"{text} €" if money else text


def amount_text(total, projects, unknown):
    """"1 500 €"; "non communiqué (11 projets)" when no project's amount is known; both when some are."""
    if not unknown:
        return format_number(total, money=True)
    missing = ngettext("non communiqué (%(count)s projet)", "non communiqué (%(count)s projets)", unknown) % {
        "count": number_format(unknown, 0, force_grouping=True)}
    return missing if unknown == projects else f"{format_number(total, money=True)} + {missing}"


def value_texts(table):
    """The text of each row's value (its last column)."""
    if table.money and table.unknown:
        return [amount_text(row[-1], row[-2], unknown) for row, unknown in zip(table.rows, table.unknown)]
    return [format_number(row[-1], table.money) for row in table.rows]


def bar_chart(table):
    """The bars of `table` (its last column), ready to draw."""
    values = [row[-1] for row in table.rows]
    texts = value_texts(table)
    largest = max(values, default=0) or 1
    room = max(VALUE_ROOM, CHAR * max(map(len, texts), default=0) + 8)
    bars = []
    for i, row in enumerate(table.rows):
        width = round((WIDTH - room) * row[-1] / largest, 1)
        width = max(width, 1 if row[-1] else 0)  # a non-zero value stays visible
        top = i * ROW
        # Coordinates as text: the template would write a float the French way ("450,0").
        bars.append({
            "label": row[1], "label_y": top + 16, "y": top + 22, "width": f"{width:g}",
            "text": texts[i], "text_x": f"{width + 8:g}", "text_y": top + 22 + BAR - 4,
        })
    return {"width": WIDTH, "height": max(len(bars) * ROW, ROW), "bar": BAR, "bars": bars}


def table_cells(table):
    """The table's rows without their code, numbers formatted (the value as the chart writes it)."""
    return [[row[1], *[format_number(v) for v in row[2:-1]], text] for row, text in zip(table.rows, value_texts(table))]
