"""Programme admin: the change form with its roles and projects, list filters, actions, import."""
from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actors.models import Actor
from editorial import policy, revisions
from editorial.admin import ImportAdminMixin, PublishableAdmin
from editorial.concurrency import VERSION_FIELD, VersionedForm
from territories.admin import RegionListFilter

from .. import services
from ..imports import PROGRAMMES
from ..models import FundedProject, Programme, ProgrammeActor
from ..status import Status, status_expression, today
from .dispositif_aide import DispositifImportMixin
from .freshness import FreshnessFilter
from .parent import ParentChoiceMixin
from .preview import ProgrammePreview


class StatusFilter(admin.SimpleListFilter):
    title = _("statut")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(computed_status=self.value())
        return queryset


@admin.action(description=_("Marquer comme vérifié aujourd'hui"))
def mark_verified(modeladmin, request, queryset):
    count = 0
    for programme in queryset:
        if policy.must_propose(request.user, programme):  # published: a reviewer approves it first
            revisions.propose_values(programme, {"last_verified_on": today()}, user=request.user)
            count += 1
            continue
        # Saved one by one, through the service, so each change is recorded in the history.
        programme.last_verified_on = today()
        services.save_programme(programme=programme, user=request.user)
        count += 1
    modeladmin.message_user(request, ngettext("%(n)d programme marqué comme vérifié.", "%(n)d programmes marqués comme vérifiés.", count) % {"n": count})


class RoleFormSet(forms.BaseInlineFormSet):
    """An editor's programme must keep one of the editor's organisations in a role."""

    user = None

    def clean(self):
        super().clean()
        if self.user is None or policy.sees_everything(self.user):
            return
        self.refuse_hidden_actors()
        own = set(self.user.organisations.values_list("id", flat=True))
        kept = [
            form.cleaned_data.get("actor") for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(actor and actor.id in own for actor in kept):
            raise forms.ValidationError(
                _("Indiquez au moins une de vos organisations comme porteur, financeur ou partenaire du programme.")
            )


    def wanted_roles(self):
        """{(actor id, role)} the submitted rows keep."""
        return {(form.cleaned_data["actor"].id, form.cleaned_data["role"]) for form in self.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("actor")}

    def refuse_hidden_actors(self):
        """The autocomplete offers published actors and the editor's own: so does the server
        (a crafted POST cannot name another organisation's draft)."""
        reachable = Actor.objects.editable_by(self.user)
        for form in self.forms:
            actor = (form.cleaned_data or {}).get("actor")
            if actor is None or "actor" not in form.changed_data or actor.is_public:
                continue
            if not reachable.filter(pk=actor.pk).exists():
                form.add_error("actor", _("Choisissez un acteur publié ou une de vos organisations."))


class ProjectFormSet(forms.BaseInlineFormSet):
    """A published project changed from its programme's page waits for a reviewer like on its own page:
    an editor changes it there (where the change becomes a pending revision), not here."""

    user = None

    def clean(self):
        super().clean()
        for form in self.forms:
            project = form.instance
            if project.pk and form.has_changed() and self.user is not None and policy.must_propose(self.user, project):
                form.add_error(None, _("Ce projet est publié : modifiez-le depuis sa propre fiche, votre modification "
                                       "y sera soumise à un relecteur."))


class ProgrammeActorInline(admin.TabularInline):
    model = ProgrammeActor
    formset = RoleFormSet
    extra = 1
    autocomplete_fields = ["actor"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


class FundedProjectInline(admin.StackedInline):
    model = FundedProject
    # A project edited on its own page meanwhile is not overwritten from here either.
    form = VersionedForm
    formset = ProjectFormSet
    extra = 0
    fields = ["title", "slug", "beneficiary", "year", "awarded_on", "amount", "territory", "publication_state", VERSION_FIELD]
    autocomplete_fields = ["beneficiary", "territory"]
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        # Editors cannot publish a project through the programme page either.
        return [] if policy.may_publish(request.user, FundedProject) else ["publication_state"]

    def has_delete_permission(self, request, obj=None):
        return policy.can(request.user, policy.DELETE, obj, model=FundedProject)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


@admin.register(Programme)
class ProgrammeAdmin(ParentChoiceMixin, DispositifImportMixin, ImportAdminMixin, PublishableAdmin):
    importer = PROGRAMMES
    export_path = "/programmes/export.csv"
    list_display = ["title", "kind", "status_label", "opens_on", "deadline", "publication_state", "last_verified_on"]
    list_filter = ["publication_state", "kind", StatusFilter, RegionListFilter, "themes", FreshnessFilter, "recurrence"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["territories", "parent"]
    filter_horizontal = ["themes", "audiences"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgrammeActorInline, FundedProjectInline]
    preview_view = ProgrammePreview
    date_hierarchy = "deadline"
    actions = [*PublishableAdmin.actions, mark_verified]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "parent", "summary", "description"]}),
        (_("Calendrier"), {"fields": ["opens_on", "deadline", "recurrence"]}),
        (_("Montants (€)"), {"fields": ["total_budget", "amount_min", "amount_max"]}),
        (_("Ciblage"), {"fields": ["territories", "themes", "audiences"]}),
        (_("Contact et source"), {"fields": ["website", "contact_name", "contact_email", "source", "last_verified_on"]}),
        (_("Publication"), {"fields": ["publication_state", "published_at", "published_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(computed_status=status_expression())

    @admin.display(description=_("statut"), ordering="computed_status")
    def status_label(self, obj):
        return obj.get_status_display()

    def inline_relations(self, formsets):
        """The roles, from their inline: written by `services.save_programme` with the programme."""
        for formset in formsets:
            if isinstance(formset, RoleFormSet):
                return {"roles": formset.wanted_roles()}
        return {}
