"""Named QuerySet methods: every reader (pages, exports, admin) goes through these."""
from django.db import models
from django.db.models import F, Prefetch, Q, Value

from actors.models import PublishedQuerySet, Territory, TerritoryClosure
from actors.text import search_words

from .status import status_expression, today


def related_territory_ids(territory, *, local_only=False):
    """Ids of `territory` and everything inside it, and of everything containing it
    (without France and Europe when `local_only`)."""
    inside = TerritoryClosure.objects.filter(ancestor=territory).values("descendant_id")
    containing = TerritoryClosure.objects.filter(descendant=territory)
    if local_only:
        containing = containing.exclude(ancestor__kind__in=Territory.SUPRA_NATIONAL)
    return inside, containing.values("ancestor_id")


class ProgrammeQuerySet(PublishedQuerySet):
    def with_status(self, on=None):
        return self.annotate(computed_status=status_expression(on))

    def for_listing(self):
        from .models import ProgrammeActor

        return self.with_status().prefetch_related(
            "territories", "themes", "audiences",
            Prefetch("roles", queryset=ProgrammeActor.objects.select_related("actor")),
        )

    def for_detail(self):
        from .models import FundedProject

        return self.for_listing().prefetch_related(
            Prefetch("funded_projects", queryset=FundedProject.objects.published().select_related("beneficiary", "territory")),
        )

    def for_territory(self, territory, *, local_only=False):
        """Programmes that apply in `territory`: its own, those inside it, those of the
        territories containing it (a department's region) and, unless `local_only`,
        the national and European ones."""
        from .models import Programme

        inside, containing = related_territory_ids(territory, local_only=local_only)
        through = Programme.territories.through.objects
        condition = Q(territory_id__in=inside) | Q(territory_id__in=containing)
        return self.filter(id__in=through.filter(condition).values("programme_id"))

    def with_relevance(self, query):
        """Title matches weigh more than matches elsewhere (used by sort=relevance)."""
        score = Value(0)
        for word in search_words(query):
            score = score + models.Case(
                models.When(search_title__contains=word, then=Value(3)), default=Value(1), output_field=models.IntegerField()
            )
        return self.annotate(relevance=score)

    def order_by_deadline(self, on=None):
        """Soonest future deadline first, then past deadlines (most recent first), undated last."""
        on = on or today()
        bucket = models.Case(
            models.When(deadline__gte=on, then=Value(0)),
            models.When(deadline__lt=on, then=Value(1)),
            default=Value(2),
            output_field=models.IntegerField(),
        )
        future_key = models.Case(models.When(deadline__gte=on, then=F("deadline")), default=Value(None))
        past_key = models.Case(models.When(deadline__lt=on, then=F("deadline")), default=Value(None))
        return self.annotate(deadline_bucket=bucket).order_by(
            "deadline_bucket", future_key.asc(), past_key.desc(), "title", "id"
        )


class FundedProjectQuerySet(PublishedQuerySet):
    def for_listing(self):
        return self.select_related("programme", "beneficiary", "territory").prefetch_related("partners")

    def in_territory(self, territory):
        """Projects located in `territory` or inside it (by their territory, or else their beneficiary's seat)."""
        inside = TerritoryClosure.objects.filter(ancestor=territory).values("descendant_id")
        return self.filter(Q(territory_id__in=inside) | Q(territory__isnull=True, beneficiary__seat_id__in=inside))

    def total_amount(self):
        return self.aggregate(total=models.Sum("amount"))["total"]

