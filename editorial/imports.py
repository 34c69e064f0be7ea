"""CSV imports of publishable entries: the row writer and the admin page.

The admin page uploads, previews every problem, then confirms. The upload is
kept as a stored file (`Upload`) referenced by a random id in the confirm form,
then read again and checked again before anything is written.
"""
import logging
import secrets

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import policy
from .models import PublicationState, Upload
from .workflow import stamp_publication

logger = logging.getLogger(__name__)
MAX_BYTES = 20 * 1024 * 1024
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
        return upload


class ImportView(View):
    model_admin = None
    template_name = "admin/import.html"

    @property
    def importer(self):
        return self.model_admin.importer

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
        return self.render(request, form=UploadForm())

    def post(self, request):
        if request.POST.get("action") == "confirm":
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, status=400, form=form)
        data = form.cleaned_data["file"].read()
        plan = self.importer.plan(data, user=request.user)
        token = ""
        if plan.ok:
            token = secrets.token_urlsafe(32)
            Upload.objects.create(token=token, kind=self.importer.name, data=data, uploaded_by=request.user)
        return self.render(request, status=200 if plan.ok else 400, form=UploadForm(), plan=plan, token=token,
                           preview=plan.rows[:PREVIEW_ROWS])

    def confirm(self, request):
        token = request.POST.get("token", "")
        stored = Upload.objects.filter(token=token, kind=self.importer.name, uploaded_by=request.user).first() if token else None
        if stored is None:
            return self.render(request, status=400, form=UploadForm(), expired=True)
        plan = self.importer.plan(bytes(stored.data), user=request.user)
        if not plan.ok:
            return self.render(request, status=400, form=UploadForm(), plan=plan, preview=plan.rows[:PREVIEW_ROWS])
        publish = policy.may_publish(request.user, self.model_admin.model) and request.POST.get("publish") == "on"
        stored.delete()  # one confirmation per upload
        response = StreamingHttpResponse(self.stream(request, plan, publish), content_type="text/html; charset=utf-8")
        response["X-Accel-Buffering"] = "no"  # let proxies pass progress lines through
        return response

    def stream(self, request, plan, publish):
        """An HTML page written as rows are imported: progress without JavaScript."""
        opts = self.model_admin.model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield render_to_string("admin/import_progress_head.html", {"total": len(plan.rows)}, request)
        try:
            for done, total in self.importer.iter_apply(plan, user=request.user, publish=publish):
                line = _("%(done)s / %(total)s lignes écrites") % {"done": done, "total": total}
                yield f'<li class="progress">{escape(line)}</li>\n'
        except Exception:
            logger.exception("CSV import failed")
            failure = _("L'import a échoué : rien n'a été enregistré.")
            yield f'</ol><p class="errornote" role="alert">{escape(failure)}</p>'
        else:
            summary = _("Import terminé : %(created)s créés, %(updated)s mis à jour.") % {"created": plan.created, "updated": plan.updated}
            yield f'</ol><p class="success" role="status">{escape(summary)}</p>'
        back = _("Retour à la liste")
        yield f'<p><a href="{changelist}">{escape(back)}</a></p></div></body></html>'
