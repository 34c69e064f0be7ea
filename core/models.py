"""core's one table: the windows of the shared counters (core/counters.py), when no Redis holds them."""
from django.db import models


class WindowCounter(models.Model):
    """How many times `key` was hit in the fixed window starting at `window_start`.

    In the database because local memory is per process: with four workers a limit of 3 mails
    per address let 12 through. Rows are deleted once past `expires_at` (by counters.hit)."""

    key = models.CharField(max_length=200)
    window_start = models.BigIntegerField(help_text="Unix time, in seconds.")
    expires_at = models.BigIntegerField(db_index=True, help_text="Unix time, in seconds.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="core_counter_one_row_per_window")]

    def __str__(self):
        return f"{self.key} @ {self.window_start}: {self.count}"


class DirectoryVersion(models.Model):
    """The one row naming the directory's current state: every cached page and fragment is keyed on it.

    In the database, not in a cache, so that every process (workers, commands, cron) reads the
    same value, and bumped inside the write's own transaction (core.cache): a new token is
    visible exactly when the write commits, and a rolled-back write leaves the old one. A random
    token rather than a counter: after a rollback the next write cannot reuse a token some
    request already cached pages under."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return self.token
