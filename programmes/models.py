"""Programmes (calls, schemes, plans…), their actors and the projects they funded.

QuerySets come first: every reader (pages, exports, facets, admin) goes through
their named methods. Writes go through `programmes.services`.
"""
import uuid
from decimal import Decimal

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q, Value
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.models import Actor
from core.arrays import IdArrayField
from editorial.models import PublicationState, Publishable, PublishableQuerySet
from search.index import INDEX_FIELDS, DocumentField, FtsEntry, FullTextQuerySet, write_index
from territories.models import Territory, TerritoryScope

from .listing import keys as listing_keys
from .status import Recurrence, Status, compute_status, status_expression, today

# The arrays copied from a programme's links: derived, never in its history.
LISTING_KEYS = ["territory_keys", "theme_ids", "audience_ids"]
DERIVED = frozenset([*INDEX_FIELDS, *LISTING_KEYS])
NON_NEGATIVE = [MinValueValidator(Decimal("0"), message=_("Un montant ne peut pas être négatif."))]
SEARCH_BATCH = 500


def money_field(label):
    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE)


def _public(*names, state):
    return [name or "" for name in names] if state == PublicationState.PUBLISHED else []


def _batches(ids):
    ids = list(ids)
    for start in range(0, len(ids), SEARCH_BATCH):
        yield ids[start:start + SEARCH_BATCH]


def programme_texts(entries, organisations, themes):
    """{key: (a, b, c, d)}, a programme's texts by weight: title > organisations (acronyms too)
    and themes (English names too) > summary > description.

    `entries`: {key: (title, summary, description)}; `organisations` and `themes`: (key, name,
    other name) rows, only published organisations (a draft's name must not be findable)."""
    middle = {key: [] for key in entries}
    for rows in (organisations, themes):
        for key, name, other in rows:
            middle[key] += [name, other]
    return {key: (title, " ".join(filter(None, middle[key])), summary, description) for key, (title, summary, description) in entries.items()}


class ReferenceItem(models.Model):
    """An editable reference list entry (theme, audience) with an English label."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    name_en = models.CharField(_("nom (anglais)"), max_length=120, blank=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    # `theme.programmes.add(p)` sends the m2m signal with the theme as instance; django-simple-history
    # ignores `reverse` and would look for the theme's (absent) history. This flag makes it skip.
    skip_history_when_saving = True

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Theme(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")


class Audience(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("public éligible")
        verbose_name_plural = _("publics éligibles")


class SearchTextQuerySet(FullTextQuerySet, PublishableQuerySet):
    """Published entries with a search index."""


class ProgrammeQuerySet(SearchTextQuerySet):
    searched_fields = frozenset({"title", "summary", "description"})

    def with_status(self, on=None):
        return self.annotate(computed_status=status_expression(on))

    def for_listing(self, on=None):
        """For public pages: only the roles of published actors (a draft's name never shows);
        the status as on `on` (today)."""
        public_roles = ProgrammeActor.objects.filter(actor__publication_state=PublicationState.PUBLISHED)
        return self.with_status(on).prefetch_related(
            "territories", "themes", "audiences",
            Prefetch("roles", queryset=public_roles.select_related("actor")),
        )

    def for_detail(self):
        """`for_listing()` and the published projects; a draft beneficiary comes as None."""
        projects = FundedProject.objects.published().select_related("territory").prefetch_related(
            Prefetch("beneficiary", queryset=Actor.objects.published()),
        )
        return self.for_listing().prefetch_related(Prefetch("funded_projects", queryset=projects))

    def with_family(self):
        """The published parent (None when it is not published) and the published children, by title."""
        return self.prefetch_related(
            Prefetch("parent", queryset=Programme.objects.published()),
            Prefetch("children", queryset=Programme.objects.published().order_by("title", "id"), to_attr="published_children"),
        )

    def applies_in(self, territory, *, local_only=False):
        """Programmes that apply in `territory` (see `TerritoryScope`)."""
        return self.filter(applies_in_q(territory, local_only=local_only))

    def located_in(self, territory):
        """The territory's own programmes, without the national and European ones (admin filter)."""
        return self.applies_in(territory, local_only=True)

    def owned_by(self, user):
        return self.filter(id__in=ProgrammeActor.objects.filter(actor__editors=user).values("programme_id"))

    def with_published_projects(self):
        """Programmes that funded published projects (the choices of the projects' programme filter)."""
        return self.filter(id__in=FundedProject.objects.published().values("programme_id"))

    def order_by_deadline(self, on=None, *, first=()):
        """Soonest future deadline first, then permanent schemes, then past deadlines (most recent
        first), undated last: what a visitor can still apply to comes before what is closed.

        One CASE on the row's own columns (no join, no subquery): cheap at 100k rows.
        `first`: orderings that come before (relevance), the deadline breaking their ties."""
        on = on or today()
        bucket = models.Case(
            models.When(recurrence=Recurrence.PERMANENT, then=Value(1)),
            models.When(deadline__gte=on, then=Value(0)),
            models.When(deadline__lt=on, then=Value(2)),
            default=Value(3),
            output_field=models.IntegerField(),
        )
        future_key = models.Case(models.When(deadline__gte=on, then=F("deadline")), default=Value(None))
        past_key = models.Case(models.When(deadline__lt=on, then=F("deadline")), default=Value(None))
        return self.annotate(deadline_bucket=bucket).order_by(
            *first, "deadline_bucket", future_key.asc(), past_key.desc(), "title", "id"
        )

    def reindex(self):
        """Re-index these rows, in bulk: title > themes and organisations (acronyms too) > summary > description;
        their listing keys (`refresh_listing_keys`) with them."""
        for ids in _batches(self.values_list("id", flat=True)):
            Programme.objects.filter(id__in=ids).refresh_listing_keys()
            entries = {pk: rest for pk, *rest in Programme.objects.filter(id__in=ids).values_list("id", "title", "summary", "description")}
            public_roles = ProgrammeActor.objects.filter(programme_id__in=ids, actor__publication_state=PublicationState.PUBLISHED)
            themes = Programme.themes.through.objects.filter(programme_id__in=ids)
            write_index(Programme, programme_texts(
                entries, public_roles.values_list("programme_id", "actor__name", "actor__acronym"),
                themes.values_list("programme_id", "theme__name", "theme__name_en")))


    def refresh_listing_keys(self):
        """Copy each row's links into its arrays (`listing.keys`): the listing filters on them."""
        listing_keys.refresh(self.values("id"))


def applies_in_q(territory, *, local_only=False):
    """The condition "applies in `territory`" on a programme's territory keys (see `listing.keys`)."""
    return Q(territory_keys__overlaps=listing_keys.territory_keys_applying_in(TerritoryScope(territory, local_only=local_only)))


class FundedProjectQuerySet(SearchTextQuerySet):
    searched_fields = frozenset({"title", "description", "beneficiary", "beneficiary_id"})

    def for_listing(self):
        """For public pages and exports: an unpublished programme or a draft beneficiary comes
        as None, draft partners are left out (prefetched from the published rows only)."""
        return self.select_related("territory").prefetch_related(
            Prefetch("programme", queryset=Programme.objects.published()),
            Prefetch("beneficiary", queryset=Actor.objects.published()),
            Prefetch("partners", queryset=Actor.objects.published()),
        )

    def located_in(self, territory):
        """Projects located in `territory` or inside it (by their territory, or else their beneficiary's seat)."""
        scope = TerritoryScope(territory)
        return self.filter(scope.inside_q("territory_id") | (Q(territory__isnull=True) & scope.inside_q("beneficiary__seat_id")))

    def owned_by(self, user):
        return self.filter(programme__in=Programme.objects.owned_by(user))

    def reindex(self):
        """Re-index these rows: title > beneficiary and programme > description."""
        for ids in _batches(self.values_list("id", flat=True)):
            rows = FundedProject.objects.filter(id__in=ids).values_list(
                "id", "title", "beneficiary__name", "beneficiary__acronym", "beneficiary__publication_state",
                "programme__title", "programme__publication_state", "description")
            # An unpublished beneficiary's or programme's name is not shown, so not findable either.
            write_index(FundedProject, {
                pk: (title, " ".join(_public(name, acronym, state=b_state) + _public(programme, state=p_state)), "", description)
                for pk, title, name, acronym, b_state, programme, p_state, description in rows})


class Programme(Publishable):
    class Kind(models.TextChoices):
        FUNDING_CALL = "funding_call", _("Appel à projets")
        AMI = "ami", _("Appel à manifestation d'intérêt (AMI)")
        COMPETITION = "competition", _("Concours")
        GRANT = "grant", _("Subvention / dispositif d'aide")
        EQUIPMENT = "equipment", _("Équipements / plateformes technologiques")
        LOAN_EQUITY = "loan_equity", _("Prêt / fonds propres")
        TECHNOPOLE = "technopole", _("Technopole / cluster")
        SUPPORT = "support", _("Accompagnement")
        STRATEGY = "strategy", _("Stratégie / plan")
        EVENT = "event", _("Événement")

    title = models.CharField(_("titre"), max_length=300)
    slug = models.SlugField(_("identifiant d'URL"), max_length=300, unique=True)
    # The stable identifier of open data (API, national schema): a slug may change, this never does.
    uid = models.UUIDField(_("identifiant permanent"), default=uuid.uuid4, unique=True, editable=False)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children",
        verbose_name=_("programme parent"),
        help_text=_("Le programme ou la stratégie dont celui-ci fait partie (un appel de France 2030, par exemple)."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, db_index=True)
    summary = models.TextField(_("résumé"), blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="programmes", verbose_name=_("thématiques"))
    audiences = models.ManyToManyField(Audience, blank=True, related_name="programmes", verbose_name=_("publics éligibles"))
    territories = models.ManyToManyField(Territory, blank=True, related_name="programmes", verbose_name=_("territoires"))
    actors = models.ManyToManyField(Actor, through="ProgrammeActor", related_name="programmes", blank=True)
    opens_on = models.DateField(_("date d'ouverture"), null=True, blank=True, help_text=_("Pour un événement : premier jour."))
    deadline = models.DateField(_("date limite"), null=True, blank=True, help_text=_("Pour un événement : dernier jour."))
    recurrence = models.CharField(_("récurrence"), max_length=20, choices=Recurrence.choices, default=Recurrence.ONE_OFF)
    total_budget = money_field(_("budget total (€)"))
    amount_min = money_field(_("aide minimale (€)"))
    amount_max = money_field(_("aide maximale (€)"))
    website = models.URLField(_("site web / source"), max_length=500, blank=True)
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    last_verified_on = models.DateField(_("vérifié le"), null=True, blank=True)
    # Derived from the links (see `listing.keys`), so that the listing's filters are index conditions.
    territory_keys = IdArrayField(null=True)
    theme_ids = IdArrayField(null=True)
    audience_ids = IdArrayField(null=True)
    # The search index (see `search.index`): analysed terms by weight, and PostgreSQL's vector.
    search_a = models.TextField(editable=False, blank=True)
    search_b = models.TextField(editable=False, blank=True)
    search_c = models.TextField(editable=False, blank=True)
    search_d = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ProgrammeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes, audiences, territories], excluded_fields=[*INDEX_FIELDS, *LISTING_KEYS])

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        permissions = [("publish_programme", _("Peut publier et archiver des programmes"))]
        indexes = [
            # Covers the kind and status facets, the published ids the other facets join on and
            # the page's ids in the default order (deadline, title): index-only scans instead of
            # reading the wide rows (descriptions, search text). `include` is PostgreSQL's;
            # SQLite indexes carry the row id anyway.
            models.Index(fields=["publication_state", "kind", "recurrence", "opens_on", "deadline", "title"],
                         include=["id"], name="programme_facets_idx"),
            # The home page's "closing soonest": published rows in deadline order from today.
            models.Index(fields=["deadline", "title"], name="programme_deadline_idx", condition=models.Q(publication_state="published")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__isnull=True) | models.Q(opens_on__isnull=True) | models.Q(deadline__gte=models.F("opens_on")),
                name="programme_deadline_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_max__isnull=True) | models.Q(amount_min__isnull=True) | models.Q(amount_max__gte=models.F("amount_min")),
                name="programme_amount_range",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        """Derived columns (search text, listing keys) are written by their refresh only: saving an
        instance read before a refresh must not put back what the refresh replaced."""
        if not self._state.adding and not args and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in DERIVED]
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            errors["deadline"] = _("La date limite ne peut pas précéder la date d'ouverture.")
        if self.amount_min is not None and self.amount_max is not None and self.amount_max < self.amount_min:
            errors["amount_max"] = _("L'aide maximale ne peut pas être inférieure à l'aide minimale.")
        if self.parent_id is not None and self.parent_makes_cycle():
            errors["parent"] = _("Un programme ne peut pas faire partie de lui-même, ni d'un de ses propres appels ou dispositifs.")
        if errors:
            raise ValidationError(errors)

    def parent_makes_cycle(self):
        """Whether the chosen parent is this programme or one of its descendants (one query per level)."""
        seen, current = set(), self.parent_id
        while current is not None and current not in seen:
            if current == self.pk:
                return True
            seen.add(current)
            current = Programme.objects.filter(pk=current).values_list("parent_id", flat=True).first()
        return False

    @property
    def status(self):
        # The listing annotates `computed_status` in SQL; reuse it when present.
        annotated = getattr(self, "computed_status", None)
        if annotated:
            return annotated
        return compute_status(opens_on=self.opens_on, deadline=self.deadline, recurrence=self.recurrence)

    def get_status_display(self):
        return Status(self.status).label



class ProgrammeActor(models.Model):
    class Role(models.TextChoices):
        RUNS = "runs", _("Porte / opère")
        FUNDS = "funds", _("Finance")
        PARTNER = "partner", _("Partenaire")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="roles")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="roles", verbose_name=_("acteur"))
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    history = HistoricalRecords(
        verbose_name=_("historique d'un rôle"), verbose_name_plural=_("historique des rôles des acteurs"),
    )

    class Meta:
        verbose_name = _("rôle d'un acteur")
        verbose_name_plural = _("rôles des acteurs")
        ordering = ["role", "actor__name"]
        constraints = [models.UniqueConstraint(fields=["programme", "actor", "role"], name="programme_actor_role_unique")]

    def __str__(self):
        return f"{self.actor} — {self.get_role_display()}"


class FundedProject(Publishable):
    title = models.CharField(_("titre"), max_length=500)
    slug = models.SlugField(_("identifiant d'URL"), max_length=300, unique=True)
    uid = models.UUIDField(_("identifiant permanent"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="funded_projects", verbose_name=_("programme"))
    beneficiary = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="funded_projects", verbose_name=_("bénéficiaire principal")
    )
    partners = models.ManyToManyField(Actor, blank=True, related_name="partner_projects", verbose_name=_("partenaires"))
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True, validators=[MinValueValidator(1900)])
    awarded_on = models.DateField(_("date d'attribution"), null=True, blank=True)
    amount = money_field(_("montant attribué (€)"))
    territory = models.ForeignKey(
        Territory, null=True, blank=True, on_delete=models.PROTECT, related_name="funded_projects", verbose_name=_("territoire")
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("URL de la source"), max_length=500, blank=True)
    # The search index (see `search.index`): analysed terms by weight, and PostgreSQL's vector.
    search_a = models.TextField(editable=False, blank=True)
    search_b = models.TextField(editable=False, blank=True)
    search_c = models.TextField(editable=False, blank=True)
    search_d = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = FundedProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[partners], excluded_fields=INDEX_FIELDS)

    class Meta:
        verbose_name = _("projet financé")
        verbose_name_plural = _("projets financés")
        ordering = ["-year", "title"]
        permissions = [("publish_fundedproject", _("Peut publier et archiver des projets financés"))]

    def __str__(self):
        return self.title

    def clean(self):
        if self.awarded_on and not self.year:
            self.year = self.awarded_on.year
        if self.year and self.awarded_on and self.awarded_on.year != self.year:
            raise ValidationError({"year": _("L'année doit correspondre à la date d'attribution.")})


class ProgrammeFts(FtsEntry):
    entry = models.OneToOneField(Programme, primary_key=True, db_column="rowid", related_name="fts_entry",
                                 on_delete=models.DO_NOTHING, db_constraint=False)
    document = DocumentField(db_column="programmes_programme_fts")

    class Meta(FtsEntry.Meta):
        db_table = "programmes_programme_fts"


class FundedProjectFts(FtsEntry):
    entry = models.OneToOneField(FundedProject, primary_key=True, db_column="rowid", related_name="fts_entry",
                                 on_delete=models.DO_NOTHING, db_constraint=False)
    document = DocumentField(db_column="programmes_fundedproject_fts")

    class Meta(FtsEntry.Meta):
        db_table = "programmes_fundedproject_fts"
