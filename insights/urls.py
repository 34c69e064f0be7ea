from django.urls import path

from . import views

app_name = "stats"
urlpatterns = [
    path("", views.StatisticsView.as_view(), name="index"),
    path("<slug:slug>.csv", views.statistics_csv, name="csv"),
]
