"""The history page as an editor reads it (django-simple-history's, in the editors' words).

Changes name states by their French labels ("Publié", not "published"), say "—" for an empty
value, and name their author without a link when the reader may not open accounts (the link
would be a 403 for an editor).
"""
import datetime

from django.contrib.auth import get_user_model
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

EMPTY = "—"


class ReadableChanges(HistoricalRecordContextHelper):
    """Values as the change form shows them: choice labels, yes/no, local dates."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value) or EMPTY
        return readable_value(field, value)

    def get_obj_diff_display(self):
        return ShortenedInFrench(max_length=self.max_displayed_delta_change_chars)


class ShortenedInFrench(ObjDiffDisplay):
    """A long value shortened around the change: "Une descr[… 288 caractères …]ice"."""

    def shortened_str(self, prefix, num_skipped_chars, suffix):
        skipped = ngettext("%(n)d caractère", "%(n)d caractères", num_skipped_chars) % {"n": num_skipped_chars}
        return f"{prefix}[… {skipped} …]{suffix}"


def readable_value(field, value):
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return formats.localize(value)
    return value


def history_page_context(admin_site, request):
    """What the history list template needs beyond django-simple-history's context."""
    user_admin = admin_site._registry.get(get_user_model())
    opens_accounts = user_admin is not None and user_admin.has_view_or_change_permission(request)
    return {"opens_accounts": opens_accounts}
