"""Programmes (calls, schemes, plans…), their actors and the projects they funded."""
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.models import Actor, Publishable, Territory
from actors.text import fold, join_for_search

from .querysets import FundedProjectQuerySet, ProgrammeQuerySet
from .status import Recurrence, Status, compute_status

NON_NEGATIVE = [MinValueValidator(Decimal("0"), message=_("Un montant ne peut pas être négatif."))]


def money_field(label):
    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE)


class ReferenceItem(models.Model):
    """An editable reference list entry (theme, audience) with an English label."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    name_en = models.CharField(_("nom (anglais)"), max_length=120, blank=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

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
    search_text = models.TextField(editable=False, blank=True)
    search_title = models.TextField(editable=False, blank=True)

    objects = ProgrammeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes, audiences, territories])

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        permissions = [("publish_programme", _("Peut publier et archiver des programmes"))]
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

    def clean(self):
        errors = {}
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            errors["deadline"] = _("La date limite ne peut pas précéder la date d'ouverture.")
        if self.amount_min is not None and self.amount_max is not None and self.amount_max < self.amount_min:
            errors["amount_max"] = _("L'aide maximale ne peut pas être inférieure à l'aide minimale.")
        if errors:
            raise ValidationError(errors)

    @property
    def status(self):
        # The listing annotates `computed_status` in SQL; reuse it when present.
        annotated = getattr(self, "computed_status", None)
        if annotated:
            return annotated
        return compute_status(opens_on=self.opens_on, deadline=self.deadline, recurrence=self.recurrence)

    def get_status_display(self):
        return Status(self.status).label

    def save(self, *args, **kwargs):
        self.search_title = fold(self.title)
        # A new programme has no actors or themes yet: its own text is all there is.
        self.search_text = self.build_search_text() if self.pk else join_for_search(self.title, self.summary, self.description)
        super().save(*args, **kwargs)

    def build_search_text(self):
        """Everything a visitor may type to find this programme, folded."""
        actor_bits = self.roles.values_list("actor__name", "actor__acronym")
        theme_bits = self.themes.values_list("name", "name_en")
        return join_for_search(
            self.title, self.summary, self.description,
            *(part for pair in actor_bits for part in pair),
            *(part for pair in theme_bits for part in pair),
        )

    def refresh_search_text(self):
        Programme.objects.filter(pk=self.pk).update(search_text=self.build_search_text(), search_title=fold(self.title))


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
    search_text = models.TextField(editable=False, blank=True)

    objects = FundedProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("projet financé")
        verbose_name_plural = _("projets financés")
        ordering = ["-year", "title"]
        permissions = [("publish_fundedproject", _("Peut publier et archiver des projets financés"))]

    def __str__(self):
        return self.title

    def clean(self):
        if self.year and self.awarded_on and self.awarded_on.year != self.year:
            raise ValidationError({"year": _("L'année doit correspondre à la date d'attribution.")})

    def save(self, *args, **kwargs):
        if self.awarded_on and not self.year:
            self.year = self.awarded_on.year
        beneficiary = Actor.objects.filter(pk=self.beneficiary_id).values_list("name", flat=True).first()
        self.search_text = join_for_search(self.title, self.description, beneficiary)
        super().save(*args, **kwargs)
