"""CSV imports of publishable entries: the row writer and the admin pages.

The admin page uploads, previews every problem, then confirms. The upload is
kept as a stored file (`Upload`) referenced by a random id in the confirm form;
confirming queues it as a background job (`editorial.jobs`), which reads and
checks the file again before writing anything, and redirects to the job's page,
which refreshes itself (no JavaScript) until the job has finished.
"""
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from core.import_refusals import refused_csv
from core.imports import CREATE_ACTORS, IMPORTERS

from . import jobs, policy
from .models import JobState, PublicationState, Upload
from .workflow import stamp_publication

PREVIEW_ROWS = 50


def _ids(values):
    return {getattr(value, "id", value) for value in values}


class EntryWriter:
    """Writes one checked row: a new draft (published when asked), or the existing entry;
    a row identical to the entry (fields and relations) is not written at all."""

    model = None

    def __init__(self, *, user=None, publish=False):
        self.user, self.publish = user, publish
        self.reason = _("Import CSV")

    def __call__(self, row):
        relations = self.relations(row)
        entry = row.existing
        if entry is not None and not self.differs(entry, row.values, relations):
            return entry
        if entry is None:
            entry = self.model(slug=row.slug, publication_state=PublicationState.DRAFT)
            if self.publish:
                entry.publication_state = PublicationState.PUBLISHED
                stamp_publication(entry, self.user)
        for name, value in row.values.items():
            setattr(entry, name, value)
        entry._history_user, entry._change_reason = self.user, self.reason
        return self.save(entry, relations)

    def relations(self, row):
        """{relation: objects (or keys)} to write with the entry."""
        return {}

    def current_relations(self, entry):
        return {}

    def differs(self, entry, values, relations):
        if any(getattr(entry, name) != value for name, value in values.items()):
            return True
        current = self.current_relations(entry)
        return any(_ids(current[name]) != _ids(wanted) for name, wanted in relations.items())

    def save(self, entry, relations):
        raise NotImplementedError


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Fichier CSV (export de l'annuaire, virgules ou points-virgules)"))
    create_actors = forms.BooleanField(
        required=False, label=gettext_lazy("Créer les organisations inconnues"),
        help_text=gettext_lazy("Publiées, du type donné par la colonne actor_kinds (sinon « Autre ») ; "
                               "sans cette case, une organisation introuvable (par identifiant, nom, sigle ou SIREN) est refusée."))

    def __init__(self, *args, offer_create_actors=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not offer_create_actors:
            del self.fields["create_actors"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Le fichier fait %(size)s octets, %(max)s au plus (réglage IMPORT_MAX_BYTES) : découpez-le.") % {
                "size": upload.size, "max": settings.IMPORT_MAX_BYTES})
        return upload


class ImportView(View):
    model_admin = None
    template_name = "admin/import.html"

    @property
    def importer(self):
        return self.model_admin.importer

    def creating_importer(self, user):
        """The variant creating unknown organisations, for those who may create them; else None."""
        variant = self.importer.get_variant(CREATE_ACTORS)
        return variant if variant is not None and variant.allows(user) else None

    def upload_form(self, request, *args):
        return UploadForm(*args, offer_create_actors=self.creating_importer(request.user) is not None)

    def dispatch(self, request, *args, **kwargs):
        if not policy.can(request.user, policy.IMPORT, model=self.model_admin.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, status=200, **context):
        opts = self.model_admin.model._meta
        context.update(
            self.model_admin.admin_site.each_context(request), opts=opts,
            title=_("Importer : %(entries)s") % {"entries": opts.verbose_name_plural},
            export_path=self.model_admin.export_path, can_publish=policy.may_publish(request.user, self.model_admin.model),
        )
        return TemplateResponse(request, self.template_name, context, status=status)

    def get(self, request):
        return self.render(request, form=self.upload_form(request))

    def post(self, request):
        if request.POST.get("action") == "confirm":
            return self.confirm(request)
        if request.POST.get("action") == "refused":
            return self.refused(request)
        form = self.upload_form(request, request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, status=400, form=form)
        data = form.cleaned_data["file"].read()
        # The option is part of the stored job's kind: the confirmed import is the one previewed.
        importer = (form.cleaned_data.get("create_actors") and self.creating_importer(request.user)) or self.importer
        plan = importer.plan(data, user=request.user)
        token = skip_token = ""
        valid = len({row.line for row in plan.rows} - {problem.line for problem in plan.problems})
        if plan.ok:
            token = self.keep(request, importer, data, len(plan.rows))
        elif valid:  # the editor may choose to import the valid rows only (`core.import_refusals`)
            skip_token = self.keep(request, importer.skipping_invalid(), data, valid)
        return self.render(request, status=200 if plan.ok else 400, form=self.upload_form(request), plan=plan, token=token,
                           skip_token=skip_token, valid_count=valid, preview=plan.rows[:PREVIEW_ROWS])

    @staticmethod
    def keep(request, importer, data, rows):
        """Store the upload until its confirmation; the random token naming it."""
        token = secrets.token_urlsafe(32)
        Upload.objects.create(token=token, kind=importer.name, data=data, uploaded_by=request.user, rows_total=rows)
        return token

    def refused(self, request):
        """The refused rows of a previewed upload as CSV, with their problems, to fix and import again."""
        token = request.POST.get("token", "")
        stored = Upload.objects.filter(token=token, kind__in=self.importer.family_names(), uploaded_by=request.user,
                                       state=JobState.PREVIEW).first() if token else None
        if stored is None:
            return self.render(request, status=400, form=self.upload_form(request), expired=True)
        data = bytes(stored.data)
        plan = IMPORTERS[stored.kind].skipping_invalid().plan(data, user=request.user)
        response = HttpResponse(refused_csv(data, plan.refused), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="lignes-refusees.csv"'
        return response

    def confirm(self, request):
        token = request.POST.get("token", "")
        stored = Upload.objects.filter(
            token=token, kind__in=self.importer.family_names(), uploaded_by=request.user, state=JobState.PREVIEW).only("id").first() if token else None
        publish = policy.may_publish(request.user, self.model_admin.model) and request.POST.get("publish") == "on"
        # One confirmation per upload: a second one (or a forged token) finds no preview to queue.
        if stored is None or not jobs.queue(stored, publish=publish, language=get_language() or ""):
            return self.render(request, status=400, form=self.upload_form(request), expired=True)
        opts = self.model_admin.model._meta
        response = HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import_job", args=[stored.pk]))
        response.status_code = 303  # see other: reloading the progress page must not post again
        return response


class ImportJobView(View):
    """The page of one import job: progress while it runs (refreshed by the browser), then its outcome.

    Seen by its uploader, and by whoever sees every entry (`editorial.policy`); anyone else,
    and any unknown job, gets a 404."""

    model_admin = None
    template_name = "admin/import_job.html"
    REFRESH_SECONDS = 2

    def dispatch(self, request, *args, **kwargs):
        if not policy.can(request.user, policy.IMPORT, model=self.model_admin.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, job):
        jobs_of_kind = Upload.objects.filter(kind__in=self.model_admin.importer.family_names()).exclude(state=JobState.PREVIEW)
        upload = jobs_of_kind.defer("data").filter(pk=job).first()  # reloaded every 2 s: not the file
        if upload is None or not (upload.uploaded_by_id == request.user.pk or policy.sees_everything(request.user)):
            raise Http404(_("Import inconnu."))
        if jobs.fail_if_dead(upload):  # its process was killed: say so now, not at the next run_imports
            upload.refresh_from_db(fields=["state", "message", "finished_at", "updated_at"])
        opts = self.model_admin.model._meta
        done, total = jobs.rows_done(upload), upload.rows_total
        context = {
            **self.model_admin.admin_site.each_context(request), "opts": opts, "job": upload,
            "title": _("Importer : %(entries)s") % {"entries": opts.verbose_name_plural},
            "done": done, "total": total, "percent": 100 * done // total if total else 0,
            "refresh": None if upload.finished else self.REFRESH_SECONDS,
            "import_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import"),
        }
        return TemplateResponse(request, self.template_name, context)
