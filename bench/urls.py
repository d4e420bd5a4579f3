"""fazhi's URLs plus the framework floor: a trivial view served by the same server and middleware."""

from django.http import HttpResponse
from django.urls import path

from fazhi.urls import urlpatterns as fazhi_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *fazhi_urlpatterns]
