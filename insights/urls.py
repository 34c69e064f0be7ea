from django.urls import path

from . import views

app_name = "stats"
urlpatterns = [
    path("", views.StatisticsView.as_view(), name="index"),
    path("carte-des-programmes-ouverts/", views.open_programmes_map, name="open_map"),
    path("<slug:slug>.csv", views.statistics_csv, name="csv"),
]
