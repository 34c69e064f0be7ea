"""One change, one history record.

django-simple-history writes a record on save() and another on every tracked
many-to-many change, so an admin edit touching territories or themes would
leave several records. Writes made after the save are folded into one.
"""
from contextlib import contextmanager


@contextmanager
def single_history_record(obj):
    """Around the m2m/inline writes that follow `obj.save()`: replace the record
    that save wrote by one holding the final state (m2m included)."""
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving
    latest = obj.history.first()
    history_type = latest.history_type if latest else "~"
    if latest is not None:
        latest.delete()
    obj.save()
    if history_type == "+":
        obj.history.filter(history_id=obj.history.first().history_id).update(history_type="+")
