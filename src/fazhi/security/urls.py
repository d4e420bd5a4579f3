from django.urls import path

from fazhi.security import otp_views, views

app_name = "security"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="events"),
    path("locks/", views.LockListView.as_view(), name="locks"),
    path("locks/unlock/", views.UnlockView.as_view(), name="unlock"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("account/", otp_views.AccountSecurityView.as_view(), name="account"),
    path("otp/login/", otp_views.OtpLoginView.as_view(), name="otp_login"),
    path("otp/devices/", otp_views.OtpDeviceListView.as_view(), name="otp_devices"),
    path("otp/devices/reset/", otp_views.OtpResetView.as_view(), name="otp_reset"),
]
