"""Pending revisions: an editor's change to a published entry waits for a reviewer.

The live entry stays public; the change is stored as a `Revision` (only what the editor
changed: fields, many-to-many ids, inline rows) on the version it was made on. A reviewer
sees it as a diff, then approves it — applied by the `apply_revision` service the entry's app
registered (`editorial.registry`), so the search text and the history follow once — or rejects
it with a comment.
Approving a revision made on an older version is refused: it would silently undo the
changes made since (`Stale`). Who must propose and who decides: `editorial.policy`.
"""
import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import policy, registry
from .concurrency import stored_version, version_of
from .models import Publishable, Revision, RevisionState
from .text import diff_sides, normalise_line_endings

# The workflow alone moves these (a revision never publishes or archives).
NOT_PROPOSED = {"publication_state", "published_at", "published_by", "created_at", "updated_at"}
EMPTY = "—"


class Stale(Exception):
    """The entry changed since the revision was made."""


def _json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _field_names(model):
    return {f.name for f in model._meta.get_fields() if f.concrete and not f.auto_created} - NOT_PROPOSED


def _row(form, fk_name):
    """An inline row as {field: value}, without its id and its link to the entry."""
    model = form._meta.model
    names = [n for n in form.fields if n in _field_names(model) and n != fk_name and n != model._meta.pk.name]
    return {n: _json(model._meta.get_field(n).value_from_object(form.instance)) for n in names}


def _proposed_data(form):
    """What the entry's own form changes in the live entry (whatever version the form started from:
    the live one, the user's pending revision, or an old one being restored)."""
    model, instance = form._meta.model, form.instance
    normalise_line_endings(instance)  # a browser's CRLF is no change
    live = model._default_manager.get(pk=instance.pk)
    data = {"fields": {}, "m2m": {}}
    for name in set(form.fields) & _field_names(model):
        field = model._meta.get_field(name)
        if field.many_to_many:
            wanted = sorted(obj.pk for obj in form.cleaned_data.get(name, ()))
            if wanted != sorted(getattr(live, name).values_list("pk", flat=True)):
                data["m2m"][name] = wanted
        elif field.value_from_object(instance) != field.value_from_object(live):
            data["fields"][name] = _json(field.value_from_object(instance))
    return data


def is_entry_formset(formset):
    """Inlines of entries with their own workflow (funded projects) are saved as such, not proposed."""
    return issubclass(formset.model, Publishable)


def _inline_data(formsets):
    inlines = {}
    for formset in formsets:
        if is_entry_formset(formset) or not formset.has_changed():
            continue
        kept = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        inlines[formset.prefix] = [_row(form, formset.fk.name) for form in kept]
    return inlines


def pending_of(entry, user):
    """`user`'s own pending revision of `entry`, if any."""
    return Revision.objects.of(entry).pending().filter(author=user).first()


@transaction.atomic
def propose(form, *, user, formsets=()):
    """Hold the changes of `form` (and its inline `formsets`) as `user`'s pending revision of the
    entry, merged into the one `user` already has; nothing of the entry is written."""
    entry = form.instance
    data = _proposed_data(form)
    data["inlines"] = _inline_data(formsets)
    revision = pending_of(entry, user) or Revision(
        content_type=ContentType.objects.get_for_model(type(entry)), object_id=entry.pk, author=user,
        data={"fields": {}, "m2m": {}, "inlines": {}})
    # The form showed the whole proposal: its fields replace the previous ones; untouched inlines stay.
    revision.data.update(fields=data["fields"], m2m=data["m2m"])
    revision.data.setdefault("inlines", {}).update(data["inlines"])
    revision.base_version = stored_version(entry)
    revision.save()
    return revision


def propose_values(entry, values, *, user):
    """A revision of plain field values (an admin action on a published entry)."""
    revision = pending_of(entry, user) or Revision(
        content_type=ContentType.objects.get_for_model(type(entry)), object_id=entry.pk, author=user,
        data={"fields": {}, "m2m": {}, "inlines": {}})
    revision.data["fields"].update({name: _json(value) for name, value in values.items()})
    revision.base_version = stored_version(entry)
    revision.save()
    return revision


class Proposal:
    """A revision's data, typed again for the entry's model."""

    def __init__(self, model, data):
        self.model = model
        opts = model._meta
        self.fields = {name: opts.get_field(name).to_python(value) for name, value in data.get("fields", {}).items()
                       if name in _field_names(model)}
        self.m2m = {name: ids for name, ids in data.get("m2m", {}).items() if name in _field_names(model)}
        self.inlines = data.get("inlines", {})

    def set_fields(self, entry):
        for name, value in self.fields.items():
            setattr(entry, self.model._meta.get_field(name).attname, value)

    def related(self, name):
        """The objects of many-to-many `name` the revision proposes."""
        return list(self.model._meta.get_field(name).related_model._default_manager.filter(pk__in=self.m2m[name]))

    def initial(self):
        """The form's initial values showing this proposal."""
        return {**self.fields, **self.m2m}


def reason(revision):
    when = timezone.localtime(revision.created_at)
    return _("Modification proposée par %(author)s le %(date)s, validée en relecture") % {
        "author": author_name(revision), "date": formats.date_format(when, "SHORT_DATETIME_FORMAT")}


def author_name(revision):
    user = revision.author
    return (user.get_full_name() or user.get_username()) if user else _("un compte supprimé")


def approve(revision, *, reviewer):
    """Apply `revision` to its entry with its app's `apply_revision` service, or raise `Stale` if
    the entry changed since, or ValidationError if the result is invalid."""
    model = revision.content_type.model_class()
    with transaction.atomic(using=router.db_for_write(model)):
        entry = model._default_manager.select_for_update().get(pk=revision.object_id)
        if version_of(entry) != revision.base_version:
            raise Stale
        proposal = Proposal(model, revision.data)
        proposal.set_fields(entry)
        entry.full_clean(exclude=[n for n in _field_names(model) if n not in proposal.fields] or None)
        registry.services_for(model).apply_revision(entry=entry, proposal=proposal, user=reviewer, reason=reason(revision))
        _decide(revision, RevisionState.APPROVED, reviewer, "")
    return entry


def reject(revision, *, reviewer, comment):
    _decide(revision, RevisionState.REJECTED, reviewer, comment)


def _decide(revision, state, reviewer, comment):
    revision.state, revision.reviewer, revision.comment = state, reviewer, comment
    revision.decided_at = timezone.now()
    revision.save(update_fields=["state", "reviewer", "comment", "decided_at"])


def is_stale(revision, entry):
    return version_of(entry) != revision.base_version


def _display(field, value):
    if value in (None, ""):
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else EMPTY
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    return str(value)


def _names(model, ids):
    return ", ".join(sorted(str(obj) for obj in model._default_manager.filter(pk__in=ids))) or EMPTY


def _inline_rows(model, rows):
    lines = []
    for row in rows:
        lines.append(" — ".join(_display(model._meta.get_field(name), model._meta.get_field(name).to_python(value))
                                for name, value in row.items()))
    return "\n".join(sorted(lines)) or EMPTY


def _current_inline(entry, prefix):
    manager = getattr(entry, prefix, None)
    if not isinstance(manager, models.Manager):
        return None, []
    fk = manager.field.name
    model = manager.model
    names = sorted(_field_names(model) - {fk, model._meta.pk.name})
    return model, [{n: _json(model._meta.get_field(n).value_from_object(obj)) for n in names} for obj in manager.all()]


def diff(revision, entry):
    """[(label, current, proposed)] of what the revision changes, as plain text (escaped by the template)."""
    model = type(entry)
    proposal = Proposal(model, revision.data)
    rows = []
    for name, value in proposal.fields.items():
        field = model._meta.get_field(name)
        old = _display(field, field.value_from_object(entry))
        rows.append((field.verbose_name, old, _display(field, value)))
    for name, ids in proposal.m2m.items():
        field = model._meta.get_field(name)
        rows.append((field.verbose_name, _names(field.related_model, getattr(entry, name).values_list("pk", flat=True)),
                     _names(field.related_model, ids)))
    for prefix, proposed_rows in proposal.inlines.items():
        inline_model, current = _current_inline(entry, prefix)
        if inline_model is not None:
            proposed = [{n: row[n] for n in sorted(row)} for row in proposed_rows]
            rows.append((inline_model._meta.verbose_name_plural, _inline_rows(inline_model, current), _inline_rows(inline_model, proposed)))
    return [(str(label), old, new) for label, old, new in rows if old != new]


def word_changes(rows):
    """The rows of `diff` with each side's words marked (`editorial.text.diff_sides`)."""
    return [{"label": label, "old": old_side, "new": new_side}
            for label, old, new in rows for old_side, new_side in [diff_sides(old, new)]]


LIVE_ENTRY_IMPORT = gettext_lazy(
    "« %(slug)s » est publiée : un import ne peut pas la modifier sans relecture. Modifiez-la dans l'espace "
    "éditeurs (votre modification y attendra la validation d'un relecteur) ou retirez cette ligne.")


def refuses_import(user, entry):
    """An import row updating a published entry, by someone who may not publish it, is refused
    (an import is not reviewed line by line; the change form makes a revision instead)."""
    return user is not None and entry is not None and entry.pk is not None and policy.must_propose(user, entry)
