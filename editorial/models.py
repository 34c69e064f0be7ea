"""Publication: states, the abstract Publishable entry, its QuerySet, stored uploads (import jobs)
and pending revisions of published entries."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import policy


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumis pour relecture")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication_state=PublicationState.PUBLISHED)

    def editable_by(self, user):
        """The rows `user` may reach in the editors' workspace (see `editorial.policy`)."""
        return policy.reachable(user, self)

    def owned_by(self, user):
        """Rows that belong to `user`'s organisations; each model says how."""
        return self.none()


class Publishable(models.Model):
    """Publication state and provenance shared by every public entry."""

    publication_state = models.CharField(
        _("état de publication"), max_length=20, choices=PublicationState.choices,
        default=PublicationState.DRAFT, db_index=True,
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False, verbose_name=_("publié par"),
    )
    source = models.TextField(_("source"), blank=True, help_text=_("Document ou page d'où viennent ces informations."))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.publication_state == PublicationState.PUBLISHED


class JobState(models.TextChoices):
    PREVIEW = "preview", _("Aperçu")
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échoué")


class Upload(models.Model):
    """A CSV file uploaded for import, kept between preview and confirmation, then the
    import job that writes it (see `editorial.jobs`).

    Stored in the database (not the session, not a server's disk) so that any
    app server can confirm it and any process can run it; referenced by its random
    id in the confirm form. The file is dropped once the job has finished.
    """

    token = models.CharField(max_length=43, unique=True)
    kind = models.CharField(max_length=40)
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.PREVIEW, db_index=True)
    publish = models.BooleanField(default=False)
    language = models.CharField(max_length=10, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    # "host:pid" of the process running the job: `run_imports` fails the jobs of dead processes.
    worker = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Heartbeat: moved on by every state change and, on PostgreSQL, by every progress report.
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fichier importé")
        verbose_name_plural = _("fichiers importés")
        default_permissions = ()
        # Held by reviewers: reach every entry, publish and archive.
        permissions = [("review", _("Peut relire, publier et archiver toutes les fiches"))]

    @property
    def finished(self):
        return self.state in (JobState.DONE, JobState.FAILED)


class RevisionState(models.TextChoices):
    PENDING = "pending", _("En attente de relecture")
    APPROVED = "approved", _("Validée")
    REJECTED = "rejected", _("Refusée")


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=RevisionState.PENDING)

    def visible_to(self, user):
        """Every revision for whoever sees every entry (reviewers decide them), one's own otherwise."""
        return self if policy.sees_everything(user) else self.filter(author=user)

    def of(self, entry):
        from django.contrib.contenttypes.models import ContentType

        return self.filter(content_type=ContentType.objects.get_for_model(type(entry)), object_id=entry.pk)


class Revision(models.Model):
    """An editor's change to a published entry, held until a reviewer approves it (the live
    entry stays public meanwhile) or rejects it. See `editorial.revisions`.

    `data`: {"fields": {name: value}, "m2m": {name: [ids]}, "inlines": {name: [{field: value}]}},
    only what the editor changed; `base_version` is the entry's version the change was made on."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("type de fiche"))
    object_id = models.PositiveBigIntegerField(_("identifiant de la fiche"), db_index=True)
    entry = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("auteur"))
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    base_version = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict)
    state = models.CharField(_("état"), max_length=10, choices=RevisionState.choices, default=RevisionState.PENDING, db_index=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("relecteur"))
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("modification proposée")
        verbose_name_plural = _("modifications proposées")
        ordering = ["-created_at", "-id"]
        default_permissions = ()
        indexes = [models.Index(fields=["content_type", "object_id", "state"], name="revision_entry_idx")]

    def __str__(self):
        return _("Modification de « %(entry)s »") % {"entry": self.entry}
