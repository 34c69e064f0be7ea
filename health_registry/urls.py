from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from programmes.urls import programme_patterns, project_patterns
from programmes.views.programmes import HomeView

admin.site.site_header = _("Annuaire santé — espace éditeurs")
admin.site.site_title = _("Espace éditeurs")
admin.site.index_title = _("Tableau de bord")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("programmes/", include(programme_patterns)),
    path("acteurs/", include("actors.urls")),
    path("projets/", include(project_patterns)),
    # Without CSRF: it only sets the language cookie, and a token would put a CSRF cookie
    # (and Vary: Cookie) on every public page, which no cache could then share.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
