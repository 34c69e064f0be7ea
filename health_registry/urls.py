from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from core import password_reset
from core.login_throttle import ThrottledAuthenticationForm, admin_login
from editorial.views import view_on_site
from programmes.urls import programme_patterns, project_patterns
from programmes.views.programmes import HomeView

admin.site.site_header = _("Annuaire santé — espace éditeurs")
admin.site.site_title = _("Espace éditeurs")
admin.site.index_title = _("Tableau de bord")
admin.site.login_form = ThrottledAuthenticationForm

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("programmes/", include(programme_patterns)),
    path("acteurs/", include("actors.urls")),
    path("projets/", include(project_patterns)),
    # Without CSRF: it only sets the language cookie, and a token would put a CSRF cookie
    # (and Vary: Cookie) on every public page, which no cache could then share.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # Before the admin's own "view on site" shortcut, which it replaces (scoped by the policy).
    path("admin/r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    # Before the admin's own URLs, whose catch-all would take these paths. Under /admin/, which
    # the public page cache skips. The name admin_password_reset adds the link to the login page.
    path("admin/login/", admin_login),
    path("admin/password_reset/", password_reset.ResetRequestView.as_view(), name="admin_password_reset"),
    path("admin/password_reset/done/", password_reset.ResetDoneView.as_view(), name="password_reset_done"),
    path("admin/reset/<uidb64>/<token>/", password_reset.SetPasswordView.as_view(), name="password_reset_confirm"),
    path("admin/reset/done/", password_reset.ResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
]
