from django.urls import path

from fazhi.security import views

app_name = "security"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="events"),
    path("locks/", views.LockListView.as_view(), name="locks"),
    path("locks/unlock/", views.UnlockView.as_view(), name="unlock"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
]
