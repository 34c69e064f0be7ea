"""The admin of every publishable entry: scope, workflow actions, one history record per change.

Every decision is `editorial.policy`'s: which rows a user reaches, what they may do.
"""
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import policy, revision_admin
from .admin_actions import log_transition, required_permission
from .concurrency import VERSION_FIELD, VersionedForm
from .history import Restore, pause_history, record_once, single_history_record
from .history_page import ReadableChanges, history_page_context
from .imports import ImportJobView, ImportView
from .models import PublicationState
from .preview import preview_urls
from .workflow import allowed_targets, stamp_publication, transition


def _workflow_action(target, label):
    def action(modeladmin, request, queryset):
        done = refused = 0
        for obj in queryset:
            try:
                source = obj.publication_state
                transition(obj, target, user=request.user)
                modeladmin.refresh_derived(obj)  # a name published or withdrawn: the search text follows
                log_transition(modeladmin, request, obj, source)
                done += 1
            except PermissionDenied:
                refused += 1
        if done:
            modeladmin.message_user(request, ngettext("%(n)d fiche mise à jour.", "%(n)d fiches mises à jour.", done) % {"n": done})
        if refused:
            modeladmin.message_user(
                request, ngettext("%(n)d fiche refusée : transition non autorisée.", "%(n)d fiches refusées : transition non autorisée.", refused) % {"n": refused},
                level=messages.WARNING,
            )

    action.__name__ = f"make_{target}"
    action.short_description = label
    action.allowed_permissions = (required_permission(target),)
    return action


class PublishableAdmin(SimpleHistoryAdmin):
    """Scoped to the user's organisations, with the publication workflow."""

    # The change form refuses to overwrite a newer version (see `editorial.concurrency`);
    # the templates render its hidden version field.
    form = VersionedForm
    change_form_template = "admin/editorial/change_form.html"
    object_history_form_template = "admin/editorial/object_history_form.html"
    object_history_list_template = "admin/history/object_history_list.html"
    readonly_fields = ["published_at", "published_by", "created_at", "updated_at"]
    actions = [
        _workflow_action(PublicationState.SUBMITTED, _("Soumettre pour relecture")),
        _workflow_action(PublicationState.PUBLISHED, _("Publier")),
        _workflow_action(PublicationState.ARCHIVED, _("Archiver")),
        _workflow_action(PublicationState.DRAFT, _("Repasser en brouillon")),
    ]

    def get_queryset(self, request):
        return policy.reachable(request.user, super().get_queryset(request))

    def response_action(self, request, queryset):
        # A crafted selection ("abc") would fail in the database: a message instead of a 500.
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                self.model._meta.pk.to_python(value)
        except ValidationError:
            self.message_user(request, _("Sélection invalide : aucune fiche n'a été modifiée."), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def has_view_permission(self, request, obj=None):
        return policy.can(request.user, policy.VIEW, obj, model=self.model) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return policy.can(request.user, policy.CHANGE, obj, model=self.model)

    def has_add_permission(self, request):
        return policy.can(request.user, policy.ADD, model=self.model)

    def has_delete_permission(self, request, obj=None):
        return policy.can(request.user, policy.DELETE, obj, model=self.model)

    def has_publish_permission(self, request, obj=None):
        """Asked by the workflow actions that publish or archive (see `editorial.admin_actions`)."""
        return policy.may_publish(request.user, self.model)

    def history_view(self, request, object_id, extra_context=None):
        context = {**history_page_context(self.admin_site, request), **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    # The entry's public view with `editorial.preview.EntryPreview` mixed in: drafts' previews.
    preview_view = None

    def get_urls(self):
        return [*preview_urls(self), *super().get_urls()]

    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if name != VERSION_FIELD]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "publication_state"] if _restoring(request) else fields

    def get_form(self, request, obj=None, **kwargs):
        if _restoring(request) and obj is not None:
            _restoring(request).keep_publication(obj)
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and not _restoring(request) and policy.must_propose(request.user, obj):
            form = revision_admin.with_proposal(form, request, obj)
        field = form.base_fields.get("publication_state")
        if field is not None:
            current = obj.publication_state if obj else PublicationState.DRAFT
            allowed = allowed_targets(request.user, self.model, current)
            field.choices = [(value, label) for value, label in PublicationState.choices if value in allowed]
        return form

    def save_model(self, request, obj, form, change):
        if change and policy.must_propose(request.user, obj):
            revision_admin.propose(request, form)  # the published version stays live
            return
        if "publication_state" in form.changed_data and obj.is_public:
            stamp_publication(obj, request.user)
        if _restoring(request):
            obj._change_reason = _restoring(request).reason
        # The history record is written once, after the m2m and inlines (save_related).
        pause_history(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if revision_admin.proposing(request):
            return revision_admin.propose_related(self, request, form, formsets, change)
        try:
            super().save_related(request, form, formsets, change)
        finally:
            record_once(form.instance, created=not change)
        # After the last save: a refresh made earlier would be overwritten by it.
        self.refresh_derived(form.instance)

    def refresh_derived(self, obj):
        """Recompute what is derived from `obj` (search text…) through its app's services."""

    def apply_revision(self, entry, proposal, *, user, reason):
        """Write an approved revision (`editorial.revisions.Proposal`) to `entry`; each app's admin
        does it through its services."""
        entry._history_user, entry._change_reason = user, reason
        with single_history_record(entry, created=False):
            entry.save()
            for name in proposal.m2m:
                getattr(entry, name).set(proposal.related(name))
        self.refresh_derived(entry)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        pending = revision_admin.visible_pending(request, obj) if obj is not None else []
        return super().change_view(request, object_id, form_url, {"pending_revisions": pending, **(extra_context or {})})

    def response_change(self, request, obj):
        if revision_admin.proposing(request):
            return revision_admin.proposal_response(self, request, obj)
        return super().response_change(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """django-simple-history's "restore this version" form, as a change of the live entry:
        its scope and permissions, its publication kept (see `Restore`), one history record."""
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        try:
            record = current.history.get(history_id=version_id)
        except (current.history.model.DoesNotExist, ValueError, ValidationError):
            raise Http404 from None
        request.editorial_restore = Restore(current, record)
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def log_change(self, request, obj, message):
        if revision_admin.proposing(request):
            return None  # nothing changed yet: the approval writes the history
        if _restoring(request):
            # The restore view saves the m2m after save_model and calls no save_related:
            # this is its first step after them, where a change writes its one history record.
            record_once(obj, created=False)
            self.refresh_derived(obj)
        return super().log_change(request, obj, message)


def _restoring(request):
    """The `Restore` under way in this request (see `PublishableAdmin.history_form_view`), if any."""
    return getattr(request, "editorial_restore", None)


class ImportAdminMixin:
    """Adds "Importer un CSV" to a changelist; `importer` is a `core.imports.Importer`."""

    importer = None
    export_path = ""
    change_list_template = "admin/change_list_import.html"

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(ImportView.as_view(model_admin=self))
        job = self.admin_site.admin_view(ImportJobView.as_view(model_admin=self))
        return [path("import/", view, name=f"{opts.app_label}_{opts.model_name}_import"),
                path("import/<int:job>/", job, name=f"{opts.app_label}_{opts.model_name}_import_job"), *super().get_urls()]
