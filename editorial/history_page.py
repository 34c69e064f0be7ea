"""The history page as an editor reads it (django-simple-history's, in the editors' words).

Changes name states by their French labels ("Publié", not "published"), say "—" for an empty
value, and name their author without a link when the reader may not open accounts (the link
would be a 403 for an editor). A list of history records in the admin (`HistoryRecordsAdmin`)
names django-simple-history's columns in French: its fields have English names and no
translatable label ("HISTORY DATE", "Par history type").
"""
import datetime

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

from .text import diff_sides

EMPTY = "—"


class ReadableChanges(HistoricalRecordContextHelper):
    """Values as the change form shows them: choice labels, yes/no, local dates."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value) or EMPTY
        return readable_value(field, value)

    def context_for_delta_changes(self, delta):
        """Each change also as words (`editorial.text.diff_sides`), for text fields."""
        changes = super().context_for_delta_changes(delta)
        for change, context in zip(delta.changes, changes):
            field = self.model._meta.get_field(change.field)
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
                context["old_words"], context["new_words"] = diff_sides(change.old or "", change.new or "")
        return changes

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


class ActionFilter(admin.ChoicesFieldListFilter):
    """The filter on `history_type`, titled in French ("Par action")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = gettext_lazy("action")


class HistoryRecordsAdmin(admin.ModelAdmin):
    """The admin of a historical model: django-simple-history's columns with French headings.

    List `version_date`, `action` and `author` instead of `history_date`, `history_type` and
    `history_user`, and filter with `ACTION_FILTER`."""

    ACTION_FILTER = ("history_type", ActionFilter)

    @admin.display(description=gettext_lazy("Version du"), ordering="history_date")
    def version_date(self, record):
        return record.history_date

    @admin.display(description=gettext_lazy("Action"), ordering="history_type")
    def action(self, record):
        return record.get_history_type_display()

    @admin.display(description=gettext_lazy("Auteur"), ordering="history_user")
    def author(self, record):
        return record.history_user or EMPTY
