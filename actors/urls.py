from django.urls import path

from .views import ActorDetailView, ActorExportView, ActorListView

app_name = "actors"
urlpatterns = [
    path("", ActorListView.as_view(), name="list"),
    path("export.csv", ActorExportView.as_view(), name="export"),
    path("<slug:slug>/", ActorDetailView.as_view(), name="detail"),
]
