from django.urls import path

from fazhi.decisions import views
from fazhi.decisions.ledgers import SPECS

app_name = "decisions"
urlpatterns = [
    *(pattern for spec in SPECS for pattern in spec.urls()),
    path("majordecision/<int:pk>/step/", views.StepView.as_view(), name="majordecision_step"),
]
