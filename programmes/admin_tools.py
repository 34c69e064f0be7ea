"""Pieces of the programme admin: list filters, the role formset check, actions."""
import datetime

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actors.admin_base import RegionListFilter
from actors.models import PublicationState

from .models import ProgrammeActor
from .status import Recurrence, Status, today

STALE_AFTER_DAYS = 365


class ProgrammeRegionFilter(RegionListFilter):
    def filter_region(self, queryset, region):
        return queryset.for_territory(region, local_only=True)


class StatusFilter(admin.SimpleListFilter):
    title = _("statut")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(computed_status=self.value())
        return queryset


def freshness_conditions(on=None):
    """The three "needs attention" checks, shared by the list filter and the dashboard."""
    on = on or today()
    published = Q(publication_state=PublicationState.PUBLISHED)
    return {
        "deadline_passed": published & Q(deadline__lt=on) & ~Q(recurrence=Recurrence.PERMANENT),
        "unverified": Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=on - datetime.timedelta(days=STALE_AFTER_DAYS)),
        "no_source_url": Q(website=""),
    }


FRESHNESS_LABELS = {
    "deadline_passed": _("Date limite passée mais toujours publié"),
    "unverified": _("Non vérifié depuis 12 mois"),
    "no_source_url": _("Sans URL source"),
}


class FreshnessFilter(admin.SimpleListFilter):
    title = _("à mettre à jour")
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return list(FRESHNESS_LABELS.items())

    def queryset(self, request, queryset):
        condition = freshness_conditions().get(self.value())
        return queryset.filter(condition) if condition is not None else queryset


@admin.action(description=_("Marquer comme vérifié aujourd'hui"))
def mark_verified(modeladmin, request, queryset):
    count = 0
    for programme in queryset:
        # Saved one by one so each change is recorded in the history.
        programme.last_verified_on = today()
        programme.save()
        count += 1
    modeladmin.message_user(request, ngettext("%(n)d programme marqué comme vérifié.", "%(n)d programmes marqués comme vérifiés.", count) % {"n": count})


class RoleFormSet(forms.BaseInlineFormSet):
    """An editor's programme must keep one of the editor's organisations in a role."""

    user = None

    def clean(self):
        super().clean()
        if self.user is None or self.user.is_superuser or self.user.has_perm("actors.publish_actor"):
            return
        own = set(self.user.organisations.values_list("id", flat=True))
        kept = [
            form.cleaned_data.get("actor") for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(actor and actor.id in own for actor in kept):
            raise forms.ValidationError(
                _("Indiquez au moins une de vos organisations comme porteur, financeur ou partenaire du programme.")
            )


class ProgrammeActorInline(admin.TabularInline):
    model = ProgrammeActor
    formset = RoleFormSet
    extra = 1
    autocomplete_fields = ["actor"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


