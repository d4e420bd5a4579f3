"""The REST API: each app registers its viewsets in its `api.py` (`register(router)`)."""

from importlib import import_module
from importlib.util import find_spec

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from fazhi import LEDGER_APPS

router = DefaultRouter()
for label in LEDGER_APPS:
    if find_spec(f"fazhi.{label}.api"):
        import_module(f"fazhi.{label}.api").register(router)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("token/", obtain_auth_token, name="api-token"),
    *router.urls,
]
