"""The product's URLs plus a Django no-op view, the yardstick every figure is compared with."""
from django.http import HttpResponse
from django.urls import path

from health_registry.urls import urlpatterns as product


def noop(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__noop__/", noop), *product]
