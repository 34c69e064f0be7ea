"""Fixed-window counters shared by every worker process: the limits that protect people.

The API's rate limit, the alert and password-reset mails per address and per client count here.
Django's local-memory cache is per process, so with four workers each limit let four times as
many through; these counters live in Redis when the cache is a (fail-open) Redis, and otherwise,
or while that Redis is unreachable, in the database (one atomic upsert per hit). A page may
fail open; a counter that protects someone must still count.
"""
import math
import random
import time

from django.core.cache import cache
from django.db import connections, router

from core.models import WindowCounter

# One hit in this many also deletes the expired windows of the database table.
CLEANUP_ONE_IN = 100
clock = time.time  # the multi-process tests pin it, so that no window ends during a test


def hit(*, key, window):
    """Count one more event under `key` in the current `window`-second window.

    Returns (count in this window including this one, seconds until the window ends)."""
    now = clock()
    start = int(now // window) * window
    count = shared_count(f"counter:{key}:{start}", window)
    if count is None:
        count = database_count(key=key, start=start, expires_at=start + window)
    return count, max(1, math.ceil(start + window - now))


def shared_count(key, window):
    """The count kept by a shared cache (core.cache_backends), or None: none, or unreachable."""
    count_in_window = getattr(cache, "count_in_window", None)
    return count_in_window(key, window + 1) if count_in_window else None


def database_count(*, key, start, expires_at):
    """One atomic upsert: concurrent hits from any process each get their own count."""
    connection = connections[router.db_for_write(WindowCounter)]
    quote = connection.ops.quote_name
    table, count = quote(WindowCounter._meta.db_table), quote("count")
    # ON CONFLICT … RETURNING: PostgreSQL, and SQLite since 3.35.
    sql = (
        f"INSERT INTO {table} ({quote('key')}, {quote('window_start')}, {quote('expires_at')}, {count}) "
        f"VALUES (%s, %s, %s, 1) ON CONFLICT ({quote('key')}, {quote('window_start')}) "
        f"DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, start, expires_at])
        (value,) = cursor.fetchone()
    if random.randrange(CLEANUP_ONE_IN) == 0:
        WindowCounter.objects.filter(expires_at__lt=int(clock())).delete()
    return value
