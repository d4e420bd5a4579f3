from django.urls import path

from fazhi.education import views
from fazhi.education.ledgers import SPECS

app_name = "education"
urlpatterns = [
    path("outreachactivity/quick/", views.ActivityQuickForm.as_view(), name="outreachactivity_quick"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("legalliaison/coverage/", views.LiaisonCoverage.as_view(), name="legalliaison_coverage"),
    *(url for spec in SPECS for url in spec.urls()),
]
