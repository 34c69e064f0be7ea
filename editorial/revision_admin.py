"""Pending revisions in the admin: the editor's save path of a published entry, the reviewers'
list, diff page, approval and rejection (see `editorial.revisions`)."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import policy, revisions
from .models import Revision, RevisionState

SAVED_MESSAGE = gettext_lazy("Votre modification attend la validation d'un relecteur : la version publiée reste en ligne d'ici là.")


def propose(model_admin, request, form, formsets):
    """Called by the entry's `save_related` instead of writing: the change (and its inline rows)
    becomes the user's pending revision; inlines of entries with their own workflow (funded
    projects) are saved as they always were, through their services."""
    revision = revisions.propose(form, user=request.user, formsets=formsets)
    for formset in formsets:
        if revisions.is_entry_formset(formset):
            model_admin.save_entries(request, formset)
        else:  # not saved: nothing for the admin's change message either
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    return revision


def proposal_response(model_admin, request, obj):
    model_admin.message_user(request, SAVED_MESSAGE, messages.INFO)
    opts = obj._meta
    return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))


def with_proposal(form_class, request, obj):
    """The change form showing the user's own pending revision of `obj` over the live values."""
    revision = revisions.pending_of(obj, request.user)
    if revision is None:
        return form_class
    initial = revisions.Proposal(type(obj), revision.data).initial()

    class ProposedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial.update(initial)

    ProposedForm.__name__ = form_class.__name__
    return ProposedForm


def visible_pending(request, obj):
    """The pending revisions of `obj` shown on its change form: all to a reviewer, one's own to an editor."""
    pending = Revision.objects.of(obj).pending().select_related("author", "content_type")
    return [revision for revision in pending if policy.sees_revision(request.user, revision)]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    comment = forms.CharField(required=False, max_length=5000, label=gettext_lazy("Commentaire (envoyé à l'auteur)"))


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "content_type", "author", "created_at", "state", "reviewer", "decided_at"]
    list_filter = ["state", "content_type"]
    list_select_related = ["content_type", "author", "reviewer"]
    actions = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("entry")  # one query per entry type, not per row
        return queryset.visible_to(request.user)

    def has_module_permission(self, request):
        return policy.is_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return policy.is_staff(request.user) and (obj is None or policy.sees_revision(request.user, obj))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(self.diff_view)
        return [path("<int:revision_id>/change/", view, name="editorial_revision_change"), *super().get_urls()]

    def diff_view(self, request, revision_id):
        revision = Revision.objects.select_related("content_type", "author", "reviewer").filter(pk=revision_id).first()
        if revision is None or not policy.sees_revision(request.user, revision):
            raise Http404
        model = revision.content_type.model_class()
        entry = model._default_manager.filter(pk=revision.object_id).first() if model else None
        if entry is None:
            raise Http404
        form = DecisionForm(request.POST or None)
        rows = revisions.diff(revision, entry)
        if request.method == "POST":
            if not policy.may_decide(request.user, revision) or revision.state != RevisionState.PENDING:
                raise PermissionDenied
            if form.is_valid():
                return self.decide(request, revision, entry, form.cleaned_data)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": str(revision), "revision": revision,
            "entry": entry, "entry_url": reverse(f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change", args=[entry.pk]),
            "rows": rows, "changes": revisions.word_changes(rows), "stale": revisions.is_stale(revision, entry), "form": form,
            "can_decide": revision.state == RevisionState.PENDING and policy.may_decide(request.user, revision),
        }
        return TemplateResponse(request, "admin/editorial/revision_diff.html", context)

    def decide(self, request, revision, entry, data):
        back = HttpResponseRedirect(request.path)
        if data["decision"] == "reject":
            revisions.reject(revision, reviewer=request.user, comment=data["comment"])
            self.message_user(request, _("Modification refusée."), messages.SUCCESS)
            return back
        try:
            revisions.approve(revision, reviewer=request.user)
        except revisions.Stale:
            self.message_user(request, _("La fiche a été modifiée depuis cette proposition : la valider effacerait ces "
                                         "changements. Refusez-la en demandant à son auteur de la refaire sur la version actuelle."),
                              messages.ERROR)
            return back
        except ValidationError as exc:
            self.message_user(request, _("Cette modification ne peut pas être appliquée : %(errors)s")
                              % {"errors": " ".join(exc.messages)}, messages.ERROR)
            return back
        except IntegrityError:  # e.g. an organisation it names was deleted since
            self.message_user(request, _("Cette modification ne peut pas être appliquée : elle désigne une fiche qui n'existe plus."),
                              messages.ERROR)
            return back
        self.message_user(request, _("Modification validée et publiée."), messages.SUCCESS)
        return back
