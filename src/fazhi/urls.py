from importlib import import_module
from importlib.util import find_spec

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from fazhi import LEDGER_APPS
from fazhi.core import views_shell
from fazhi.core.views import AttachmentDownloadView
from fazhi.indicators.views import DashboardView

urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("township/", views_shell.switch_township, name="switch_township"),
    path("files/<int:pk>/", AttachmentDownloadView.as_view(), name="attachment"),
    path("indicators/", include("fazhi.indicators.urls")),
    path("api/", include("fazhi.api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views_shell.healthz, name="healthz"),
]

# Each app mounts its pages under its own label (the portal at /public/).
for label in LEDGER_APPS:
    if find_spec(f"fazhi.{label}.urls"):
        prefix = "public" if label == "portal" else label
        urlpatterns.append(path(f"{prefix}/", include(import_module(f"fazhi.{label}.urls"))))
