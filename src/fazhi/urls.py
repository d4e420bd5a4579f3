from importlib import import_module
from importlib.util import find_spec

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from fazhi import LEDGER_APPS
from fazhi.core import views_shell
from fazhi.core.views import AttachmentDownloadView
from fazhi.core.views_holidays import HolidaysView
from fazhi.indicators.views import DashboardView
from fazhi.security import views as security_views

urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("login/", security_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("township/", views_shell.switch_township, name="switch_township"),
    path("files/<int:pk>/", AttachmentDownloadView.as_view(), name="attachment"),
    path("indicators/", include("fazhi.indicators.urls")),
    path("api/token/", security_views.TokenView.as_view(), name="api-token"),
    path("api/", include("fazhi.api.urls")),
    path("security/", include("fazhi.security.urls")),
    path("admin/", admin.site.urls),
    path("deadlines/", views_shell.DeadlineBoardView.as_view(), name="deadline_board"),
    path("healthz", views_shell.healthz, name="healthz"),
    path("holidays/", HolidaysView.as_view(), name="holidays"),
    path("notify/", include("fazhi.notify.urls")),
    path("rounds/", include("fazhi.rounds.urls")),
    path("handoffs/", include("fazhi.handoffs.urls")),
    path("drafts/", include("fazhi.drafts.urls")),
    path("search/", include("fazhi.search.urls")),
    path("imports/", include("fazhi.imports.urls")),
]

# Each app mounts its pages under its own label (the portal at /public/).
for label in LEDGER_APPS:
    if label != "portal" and find_spec(f"fazhi.{label}.urls"):
        urlpatterns.append(path(f"{label}/", include(import_module(f"fazhi.{label}.urls"))))

# The public face: /public/ (index) and /public/<app>/ (each app's public_urls).
from fazhi.portal.urls import public_patterns  # noqa: E402

urlpatterns += [path("public/", include("fazhi.portal.urls")), path("public/", include(public_patterns))]

# Chinese error pages inside the shell (fazhi.core.error_pages).
handler400 = "fazhi.core.error_pages.bad_request"
handler403 = "fazhi.core.error_pages.permission_denied"
handler404 = "fazhi.core.error_pages.page_not_found"
handler500 = "fazhi.core.error_pages.server_error"
