from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language

from core import password_reset
from core.i18n_urls import i18n_patterns
from core.login_throttle import ThrottledAuthenticationForm, admin_login
from editorial.views import view_on_site
from pages.sitemaps import SITEMAPS
from pages.views import FaviconView, robots_txt, sitemap_index
from programmes.urls import programme_patterns, project_patterns
from programmes.views.programmes import HomeView

admin.site.site_header = _("Annuaire santé — espace éditeurs")
admin.site.site_title = _("Espace éditeurs")
admin.site.index_title = _("Tableau de bord")
admin.site.login_form = ThrottledAuthenticationForm

# Public pages: French at /…, English at /en/… (i18n_patterns, at the end): a shared link opens
# in its own language. Feeds and exports too: their French addresses stay as they were.
public_patterns = [
    path("", HomeView.as_view(), name="home"),
    path("programmes/", include(programme_patterns)),
    path("acteurs/", include("actors.urls")),
    path("projets/", include(project_patterns)),
    path("alertes/", include("alerts.urls")),
    path("statistiques/", include("insights.urls")),
    # The API's documentation in each language: /api/v1/docs/ (api.urls, first) and /en/api/v1/docs/.
    path("api/v1/docs/", TemplateView.as_view(template_name="api/docs.html"), name="api_docs"),
    path("", include("pages.urls")),
]

urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap_index, name="sitemap-index"),
    path("sitemap-<slug:section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("favicon.ico", FaviconView.as_view()),
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
urlpatterns += i18n_patterns(*public_patterns)
