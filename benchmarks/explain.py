"""`--explain`: the plans PostgreSQL chose for the listing's queries, whatever SQL the view runs.

Each listing is asked once in-process (Django's test client); the queries it ran are captured
(`CaptureQueriesContext`, their parameters bound), and every SELECT is run again under
`EXPLAIN (ANALYZE, BUFFERS)`, with the page and fragment caches turned off here, so that
every query shows."""
import re

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from benchmarks.selections import EXPLAINED

READS = ("SELECT", "WITH", "(SELECT")
EXECUTION = re.compile(r"Execution Time: ([\d.]+) ms")


def captured_selects(client, path):
    """(status, number of queries, [SELECT statements]) of one request."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="127.0.0.1", secure=True)
    statements = [query["sql"] for query in captured.captured_queries]
    return response.status_code, len(statements), [sql for sql in statements if sql and sql.lstrip().upper().startswith(READS)]


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0)
def explain(size, paths=EXPLAINED, warm_up="/programmes/?kind=grant"):
    """Markdown: each path's statements and their plans. A first, other request sets up what
    the process keeps (reference rows, and so on): the plans shown are a visitor's request's."""
    if connection.vendor != "postgresql":
        return f"<!-- --explain: PostgreSQL only (this run: {connection.vendor}) -->"
    client = Client()
    client.get(warm_up, HTTP_HOST="127.0.0.1", secure=True)
    out = []
    for path in paths:
        status, count, selects = captured_selects(client, path)
        plans = [plan(sql) for sql in selects]
        times = [float(m.group(1)) if (m := EXECUTION.search(text)) else 0.0 for text in plans]
        slowest = max(range(len(times)), key=times.__getitem__, default=None)
        out.append(f"\n### EXPLAIN (ANALYZE, BUFFERS), {size:,} programmes: `{path}` ({status}, {count} queries, {len(selects)} SELECT,"
                   f" executed in {sum(times):.1f} ms" + (f", the slowest #{slowest + 1}: {times[slowest]:.1f} ms)" if times else ")"))
        for number, (sql, text) in enumerate(zip(selects, plans), start=1):
            out.append(f"\n{number}.\n```sql\n{sql}\n```\n```\n{text}\n```")
    return "\n".join(out)
