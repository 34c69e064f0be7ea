"""The site's own pages: accessibility statement, legal notice, contact, site map, search help."""
from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("accessibilite/", views.SitePage.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("mentions-legales/", views.SitePage.as_view(template_name="pages/legal.html"), name="legal"),
    path("contact/", views.SitePage.as_view(template_name="pages/contact.html"), name="contact"),
    path("plan-du-site/", views.SitePage.as_view(template_name="pages/sitemap.html"), name="sitemap"),
    path("aide/recherche/", views.SearchHelpPage.as_view(), name="search_help"),
]
