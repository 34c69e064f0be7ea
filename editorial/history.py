"""One change, one history record.

django-simple-history writes a record on save() and another on every tracked
many-to-many change, so an admin edit touching territories or themes would
leave several records. Here the writes of one change are made without
history, then one record is written with the final state (m2m included).
"""
from contextlib import contextmanager

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def pause_history(obj):
    obj.skip_history_when_saving = True


def record_once(obj, *, created):
    """End a change started with `pause_history`: save once, with history."""
    if hasattr(obj, "skip_history_when_saving"):
        del obj.skip_history_when_saving
    obj.save()
    if created:
        latest = obj.history.first()
        obj.history.filter(history_id=latest.history_id).update(history_type="+")


@contextmanager
def single_history_record(obj, *, created):
    pause_history(obj)
    try:
        yield
    finally:
        if hasattr(obj, "skip_history_when_saving"):
            del obj.skip_history_when_saving
    record_once(obj, created=created)


def keep_publication(obj):
    """Give `obj` (an older version being restored) the live entry's publication and version."""
    live = type(obj)._default_manager.filter(pk=obj.pk).first()
    if live is not None:
        for name in Restore.KEPT_FIELDS:
            setattr(obj, name, getattr(live, name))


class Restore:
    """Restoring an earlier version of `current`: its contents come back, the live entry's
    publication (state, who and when) and version stay, so a restore never publishes,
    unpublishes or archives: the workflow alone does."""

    KEPT_FIELDS = ("publication_state", "published_at", "published_by_id", "updated_at")

    def __init__(self, current, record):
        self.current = current
        self.record = record

    def _when(self):
        when = timezone.localtime(self.record.history_date)
        return {"date": formats.date_format(when, "DATE_FORMAT"), "time": formats.time_format(when, "TIME_FORMAT")}

    @property
    def reason(self):
        return _("Restauration de la version du %(date)s à %(time)s") % self._when()

    @property
    def done_message(self):
        return _("La version du %(date)s à %(time)s de « %(entry)s » a été restaurée.") % {**self._when(), "entry": self.current}

    @property
    def proposed_message(self):
        return _("La restauration de la version du %(date)s à %(time)s de « %(entry)s » est proposée : elle attend "
                 "la validation d'un relecteur, la version publiée reste en ligne d'ici là.") % {**self._when(), "entry": self.current}
