"""One change, one history record.

django-simple-history writes a record on save() and another on every tracked
many-to-many change, so an admin edit touching territories or themes would
leave several records. Here the writes of one change are made without
history, then one record is written with the final state (m2m included).
"""
from contextlib import contextmanager


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
