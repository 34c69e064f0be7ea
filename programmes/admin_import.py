"""Admin page: upload a programme CSV, preview every problem, then confirm."""
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

from actors.permissions import sees_everything

from .import_apply import iter_apply
from .import_rows import plan_import

logger = logging.getLogger(__name__)
MAX_BYTES = 20 * 1024 * 1024
SESSION_KEY = "programme_import"
PREVIEW_ROWS = 50


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Fichier CSV (export de l'annuaire, virgules ou points-virgules)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
        return upload


class ImportView(View):
    model_admin = None
    template_name = "admin/programmes/programme/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, status=200, **context):
        opts = self.model_admin.model._meta
        context.update(self.model_admin.admin_site.each_context(request), opts=opts, title=_("Importer des programmes"),
                       can_publish=sees_everything(request.user))
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
        plan = plan_import(data, user=request.user)
        token = ""
        if plan.ok:
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {"token": token, "data": data.decode("utf-8-sig"), "bom": data.startswith(b"\xef\xbb\xbf")}
        return self.render(request, status=200 if plan.ok else 400, form=UploadForm(), plan=plan, token=token,
                           preview=plan.rows[:PREVIEW_ROWS])

    def confirm(self, request):
        stored = request.session.get(SESSION_KEY) or {}
        if not stored or stored.get("token") != request.POST.get("token"):
            return self.render(request, status=400, form=UploadForm(), expired=True)
        data = stored["data"].encode("utf-8")
        plan = plan_import((b"\xef\xbb\xbf" if stored["bom"] else b"") + data, user=request.user)
        if not plan.ok:
            return self.render(request, status=400, form=UploadForm(), plan=plan, preview=plan.rows[:PREVIEW_ROWS])
        publish = sees_everything(request.user) and request.POST.get("publish") == "on"
        # Removed before streaming: the session is saved before the body is sent.
        del request.session[SESSION_KEY]
        response = StreamingHttpResponse(self.stream(request, plan, publish), content_type="text/html; charset=utf-8")
        response["X-Accel-Buffering"] = "no"  # let proxies pass progress lines through
        return response

    def stream(self, request, plan, publish):
        """An HTML page written as rows are imported: progress without JavaScript."""
        changelist = reverse("admin:programmes_programme_changelist")
        yield render_to_string("admin/programmes/programme/import_progress_head.html", {"total": len(plan.rows)}, request)
        try:
            for done, total in iter_apply(plan, user=request.user, publish=publish):
                line = _("%(done)s / %(total)s lignes écrites") % {"done": done, "total": total}
                yield f'<li class="progress">{escape(line)}</li>\n'
        except Exception:
            logger.exception("CSV import failed")
            failure = _("L'import a échoué : rien n'a été enregistré.")
            yield f'</ol><p class="errornote" role="alert">{escape(failure)}</p>'
        else:
            summary = _("Import terminé : %(created)s créés, %(updated)s mis à jour.") % {"created": plan.created, "updated": plan.updated}
            yield f'</ol><p class="success" role="status">{escape(summary)}</p>'
        back = _("Retour à la liste des programmes")
        yield f'<p><a href="{changelist}">{escape(back)}</a></p></div></body></html>'
