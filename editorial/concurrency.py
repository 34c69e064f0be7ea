"""Optimistic concurrency for the admin forms of publishable entries: no edit is lost.

A change form carries, in a hidden field, the version of the entry it was opened at: its
`updated_at`, which every save bumps. Saving after someone else saved is refused with a
form error saying who and when; the form comes back with the user's input and the new
version, so that saving it again knowingly replaces the other change.
"""
from datetime import datetime

from django import forms
from django.db import router, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

VERSION_FIELD = "edit_version"


def version_of(entry):
    return entry.updated_at.isoformat() if entry.updated_at else ""


def stored_version(entry):
    """The entry's version in the database; its row stays locked until the save commits
    (PostgreSQL), so two saves sent at the same instant cannot both pass."""
    model = type(entry)
    rows = model._default_manager.filter(pk=entry.pk)
    if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
        rows = rows.select_for_update()
    updated_at = rows.values_list("updated_at", flat=True).first()
    return updated_at.isoformat() if updated_at else ""


def _author(entry):
    latest = entry.history.select_related("history_user").first()
    user = latest.history_user if latest else None
    if user is None:
        return _("un import ou un script")
    return user.get_full_name() or user.get_username()


def conflict_message(entry, stored):
    when = timezone.localtime(datetime.fromisoformat(stored)) if stored else timezone.localtime()
    return _(
        "Cette fiche a été modifiée par %(user)s le %(date)s à %(time)s depuis que vous l'avez ouverte : "
        "rechargez la page pour voir ces modifications (vos saisies ici seraient perdues), "
        "ou enregistrez à nouveau pour les remplacer par les vôtres."
    ) % {"user": _author(entry), "date": formats.date_format(when, "DATE_FORMAT"), "time": formats.time_format(when, "TIME_FORMAT")}


class VersionedForm(forms.ModelForm):
    """The ModelForm of a publishable entry, refusing to overwrite a newer version."""

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault(VERSION_FIELD, version_of(self.instance))

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            self.check_version(cleaned_data.get(VERSION_FIELD) or "")
        return cleaned_data

    def check_version(self, opened_at):
        stored = stored_version(self.instance)
        if opened_at == stored:
            return
        if opened_at:
            self.add_error(None, conflict_message(self.instance, stored))
        else:
            self.add_error(None, _("Ce formulaire ne dit pas à quelle version de la fiche il a été ouvert : rechargez la page "
                                   "pour repartir de la version actuelle, ou enregistrez à nouveau pour la remplacer par vos saisies."))
        # Redisplayed with the stored version: saving again is then a knowing choice.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = stored
