"""Admin page: upload a programme CSV, preview every problem, then confirm."""
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from actors.permissions import sees_everything

from .import_apply import apply_import
from .import_rows import plan_import

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
        created, updated = apply_import(plan, user=request.user, publish=publish)
        del request.session[SESSION_KEY]
        messages.success(request, _("Import terminé : %(created)s créés, %(updated)s mis à jour.") % {"created": created, "updated": updated})
        return redirect(reverse("admin:programmes_programme_changelist"))
