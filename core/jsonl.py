"""Django's JSON Lines serialization, with datetimes and times to the microsecond.

Django's JSON encoder cuts them to the millisecond: a backup written with it would not give
back the rows it read (history dates, `updated_at`). The output is still Django's `jsonl`:
its own deserializer, which `loaddata` picks from a `.jsonl` file name, reads it back."""
import datetime

from django.core.serializers import jsonl
from django.core.serializers.jsonl import Deserializer  # noqa: F401  (a serialization module offers both)


class Serializer(jsonl.Serializer):
    def handle_field(self, obj, field):
        super().handle_field(obj, field)
        value = self._current[field.name]
        if isinstance(value, (datetime.datetime, datetime.time)):
            self._current[field.name] = value.isoformat()
