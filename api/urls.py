from django.urls import path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularJSONAPIView

from . import views

app_name = "api"
urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("programmes/", views.ProgrammeList.as_view(), name="programmes"),
    path("programmes/<str:key>/", views.ProgrammeDetail.as_view(), name="programme"),
    path("actors/", views.ActorList.as_view(), name="actors"),
    path("actors/<str:key>/", views.ActorDetail.as_view(), name="actor"),
    path("projects/", views.ProjectList.as_view(), name="projects"),
    path("projects/<str:key>/", views.ProjectDetail.as_view(), name="project"),
    path("territories/", views.TerritoryList.as_view(), name="territories"),
    path("territories/<str:key>/", views.TerritoryDetail.as_view(), name="territory"),
    path("themes/", views.ThemeList.as_view(), name="themes"),
    path("themes/<str:key>/", views.ThemeDetail.as_view(), name="theme"),
    path("audiences/", views.AudienceList.as_view(), name="audiences"),
    path("audiences/<str:key>/", views.AudienceDetail.as_view(), name="audience"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs/", TemplateView.as_view(template_name="api/docs.html"), name="docs"),
]
