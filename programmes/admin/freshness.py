"""What needs an editor's attention: shared by the list filter and the admin home dashboard."""
import datetime

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.models import PublicationState

from ..status import Recurrence, today

STALE_AFTER_DAYS = 365

FRESHNESS_LABELS = {
    "deadline_passed": _("Date limite passée mais toujours publié"),
    "unverified": _("Non vérifié depuis 12 mois"),
    "no_source_url": _("Sans URL source"),
}


def freshness_conditions(on=None):
    """The three "needs attention" checks."""
    on = on or today()
    published = Q(publication_state=PublicationState.PUBLISHED)
    return {
        "deadline_passed": published & Q(deadline__lt=on) & ~Q(recurrence=Recurrence.PERMANENT),
        "unverified": unverified_condition(on),
        "no_source_url": Q(website=""),
    }


def unverified_condition(on):
    """Last verified over a year before `on`; an entry never verified counts from its creation,
    as what an editor has just written is as fresh as a verification."""
    stale_before = on - datetime.timedelta(days=STALE_AFTER_DAYS)
    created_before = timezone.make_aware(datetime.datetime.combine(stale_before, datetime.time.min))
    never_verified = Q(last_verified_on__isnull=True) & Q(created_at__lt=created_before)
    return never_verified | Q(last_verified_on__lt=stale_before)


class FreshnessFilter(admin.SimpleListFilter):
    title = _("à mettre à jour")
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return list(FRESHNESS_LABELS.items())

    def queryset(self, request, queryset):
        condition = freshness_conditions().get(self.value())
        return queryset.filter(condition) if condition is not None else queryset
