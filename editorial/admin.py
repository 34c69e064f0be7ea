"""The admin of every publishable entry: scope, workflow actions, writes through services.

Every decision is `editorial.policy`'s: which rows a user reaches, what they may do. Every write
(change form, workflow action, restore) goes through the service the entry's app registered
(`editorial.registry`): one history record and one search refresh per change.
"""
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import policy, registry, revision_admin, revisions
from .admin_actions import log_transition, required_permission
from .concurrency import VERSION_FIELD, VersionedForm
from .history import Restore, keep_publication
from .history_page import ReadableChanges, history_page_context
from .imports import ImportJobView, ImportView
from .models import PublicationState
from .preview import preview_urls
from .slugs import UniqueSlugForm
from .workflow import allowed_targets, stamp_publication, transition


def _workflow_action(target, label):
    def action(modeladmin, request, queryset):
        done = refused = 0
        for obj in queryset:
            try:
                source = obj.publication_state
                transition(obj, target, user=request.user)  # through the entry's service
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
            keep_publication(obj)
        form = super().get_form(request, obj, **kwargs)
        form = UniqueSlugForm.around(form, request.user)
        if obj is not None and not _restoring(request) and policy.must_propose(request.user, obj):
            form = revision_admin.with_proposal(form, request, obj)
        field = form.base_fields.get("publication_state")
        if field is not None:
            current = obj.publication_state if obj else PublicationState.DRAFT
            allowed = allowed_targets(request.user, self.model, current)
            field.choices = [(value, label) for value, label in PublicationState.choices if value in allowed]
        return form

    def save_model(self, request, obj, form, change):
        """Nothing is written here: `save_related` writes the entry with its relations, at once."""
        if "publication_state" in form.changed_data and obj.is_public:
            stamp_publication(obj, request.user)

    def save_related(self, request, form, formsets, change):
        if change and policy.must_propose(request.user, form.instance):
            revision_admin.propose(self, request, form, formsets)  # the published version stays live
            return
        self.write(request, form, formsets, created=not change)

    def write(self, request, form, formsets, *, created, reason=None):
        """Write the form's entry with its relations through its app's service, then the inline
        entries (funded projects) through theirs; `created` is unused by services (they know)."""
        relations = {**form_relations(form), **self.inline_relations(formsets)}
        for formset in formsets:
            if not revisions.is_entry_formset(formset):
                formset.save(commit=False)  # written by the service: listed in the change message only
        registry.services_for(self.model).save(entry=form.instance, user=request.user, reason=reason, **relations)
        for formset in formsets:
            if revisions.is_entry_formset(formset):
                self.save_entries(request, formset)

    def inline_relations(self, formsets):
        """{relation: value} the entry's service takes from the inline formsets (none here)."""
        return {}

    def save_entries(self, request, formset):
        """An inline formset of entries with their own workflow: each row through its service."""
        services = registry.services_for(formset.model)
        formset.save(commit=False)
        for entry in [*formset.new_objects, *(obj for obj, _changed in formset.changed_objects)]:
            services.save(entry=entry, user=request.user)
        for entry in formset.deleted_objects:
            services.delete(entry=entry, user=request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        pending = revision_admin.visible_pending(request, obj) if obj is not None else []
        return super().change_view(request, object_id, form_url, {"pending_revisions": pending, **(extra_context or {})})

    def response_change(self, request, obj):
        if policy.must_propose(request.user, obj):  # its change was held as a revision
            return revision_admin.proposal_response(self, request, obj)
        return super().response_change(request, obj)

    def log_change(self, request, obj, message):
        if policy.must_propose(request.user, obj):
            return None  # nothing changed yet: the approval writes the history
        return super().log_change(request, obj, message)

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
        with transaction.atomic(using=router.db_for_write(self.model)):
            if request.method == "POST":
                old = record.instance
                old._state.adding = False  # the live entry's row: its own slug is no clash
                form = self.get_form(request, old)(request.POST, request.FILES, instance=old)
                if form.is_valid():
                    return self.restore(request, form, Restore(current, record))
            # The form, or its errors: django-simple-history's page (it saves nothing invalid).
            return super().history_form_view(request, object_id, version_id, extra_context)

    def restore(self, request, form, restore):
        """Write the restored version (or propose it, for an editor of a published entry) and say which."""
        entry = form.save(commit=False)
        if policy.must_propose(request.user, restore.current):
            revisions.propose(form, user=request.user)
            message = restore.proposed_message
        else:
            self.write(request, form, [], created=False, reason=restore.reason)
            message = restore.done_message
            self.log_change(request, entry, self.construct_change_message(request, form, []))
        self.message_user(request, message, messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.pk],
                                            current_app=self.admin_site.name))


def form_relations(form):
    """The many-to-many values of a saved admin form, by field name (the fields it shows only)."""
    model = form._meta.model
    names = {field.name for field in model._meta.many_to_many}
    return {name: form.cleaned_data[name] for name in form.fields if name in names and name in form.cleaned_data}


def _restoring(request):
    """Is this request django-simple-history's restore form (see `PublishableAdmin.history_form_view`)?"""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))


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
